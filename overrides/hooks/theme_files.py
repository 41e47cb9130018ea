"""Keep files of overrides/ that are not the theme's (the nginx configuration) out of the site."""
from pathlib import Path

from edition.theme_files import is_published


def on_files(files, config):
    custom_dir = Path(config["theme"].custom_dir).resolve()
    for file in list(files):
        source = file.abs_src_path
        if source and Path(source).resolve().is_relative_to(custom_dir) and not is_published(file.src_uri):
            files.remove(file)
    return files
