"""Writes on the network: appointing a focal point, ending a term, recording a training."""

from network.models import FocalPoint, Training


def appoint(*, name, sex, office, country, region, appointed_on, **details):
    """A new focal point (or alternate); `details` are the model's other fields."""
    focal_point = FocalPoint(
        name=name,
        sex=sex,
        office=office,
        country=country,
        region=region,
        appointed_on=appointed_on,
        **details,
    )
    focal_point.full_clean()
    focal_point.save()
    return focal_point


def end_term(*, focal_point, ended_on):
    focal_point.ended_on = ended_on
    focal_point.full_clean()
    focal_point.save(update_fields=["ended_on"])
    return focal_point


def record_training(*, focal_point, title, received_on=None, activity=None):
    training = Training(
        focal_point=focal_point, title=title, received_on=received_on, activity=activity
    )
    training.full_clean()
    training.save()
    return training
