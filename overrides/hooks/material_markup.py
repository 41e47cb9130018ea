"""Material markup that is invalid or unnamed, corrected after each page is rendered."""
from edition.hook_support import language
from edition.material_markup import corrected
from edition.strings import interface


def on_post_page(output, page, config):
    return corrected(output, interface(language(config))["search_dialog"])


def on_post_template(output_content, template_name, config):  # the 404 page
    return corrected(output_content, interface(language(config))["search_dialog"])
