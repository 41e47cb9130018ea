"""The page steps of a build, in order, over generator-free views of the edition and its pages."""
