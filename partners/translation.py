"""A partner's name and acronym in English, French and Spanish: UN-Women is ONU Femmes in
French and ONU Mujeres in Spanish, ILO is OIT (core/registry_names.py)."""

from core.registry_names import translated
from partners.models import Partner

translated(Partner, "name", "acronym", unique={"name"}, history=True)
