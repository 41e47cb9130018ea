"""Interface text of the theme options we set, in the edition's language."""
from edition.hook_support import language
from edition.strings import interface


def on_config(config):
    strings = interface(language(config))
    light, dark = config["theme"]["palette"]
    light["toggle"]["name"] = strings["palette_to_dark"]
    dark["toggle"]["name"] = strings["palette_to_light"]
    # For templates (the 404 page): the same strings, never an if-language chain.
    config["extra"]["interface"] = strings
    return config
