from django.core.checks import Error, register

from .registry import classification_problems


@register()
def personal_data_classified(app_configs, **kwargs):
    """Every field of our models is classified in an app's `privacy.py` (see `privacy.registry`)."""
    return [
        Error(problem, hint="Classify the field in the app's privacy.py.", id="privacy.E001")
        for problem in classification_problems()
    ]
