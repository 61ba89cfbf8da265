"""How Django renders the site's forms: through the project's templates, a field group being templates/field.html.

With this renderer `{{ field.as_field_group }}` draws a field the site's way (label, input, help, errors),
so the form templates loop over fields instead of repeating the markup.
"""

from django.forms.renderers import TemplatesSetting


class SiteFormRenderer(TemplatesSetting):
    field_template_name = "field.html"
