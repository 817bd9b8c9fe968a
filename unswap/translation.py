"""The UN-SWAP indicators' titles in English, French and Spanish (core/registry_names.py)."""

from core.registry_names import translated
from unswap.models import Indicator

translated(Indicator, "title")
