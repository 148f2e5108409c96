from django.forms.renderers import TemplatesSetting


class FormRenderer(TemplatesSetting):
    """Renders every form field with label, help text and German errors in one markup."""

    form_template_name = "core/forms/form.html"
    field_template_name = "core/forms/field.html"
