from django.urls import path

from .views import subject

urlpatterns = [
    path("personen/<int:pk>/auskunft/", subject.subject_overview, name="subject_overview"),
    *(
        path(
            f"personen/<int:pk>/auskunft.{extension}",
            subject.subject_export,
            {"extension": extension},
            name=f"subject_export_{extension}",
        )
        for extension in subject.EXPORTS
    ),
    path("personen/<int:pk>/loeschen/", subject.subject_erase, name="subject_erase"),
]
