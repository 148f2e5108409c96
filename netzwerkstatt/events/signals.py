from django.db.models.signals import pre_delete
from django.dispatch import receiver

from netzwerkstatt.contacts.models import Person

from .models import Photo


@receiver(pre_delete, sender=Person)
def withhold_photos_of_deleted_person(sender, instance: Person, **kwargs) -> None:
    """Deleting a person drops their link to photos; without it, nothing would keep a photo
    of someone who never consented from becoming public. Withhold those photos instead."""
    Photo.objects.filter(people=instance).update(withheld=True)
