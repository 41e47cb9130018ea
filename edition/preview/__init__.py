"""The live preview for editors: build, serve, rebuild what changed, reload the open page."""
