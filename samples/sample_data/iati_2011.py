"""How the 2011 thematic areas are published to IATI: an OECD DAC purpose code and the
gender equality marker (2: gender equality is the principal objective of the unit's work).

Loaded only where an area has no mapping yet: a manager's choice is never undone.
"""

from iati import services
from iati.models import AreaMapping

# area slug: (DAC purpose code, gender marker significance)
AREA_MAPPINGS = {
    # Ending violence against women and girls.
    "violence-discrimination": ("15180", 2),
    "fgm": ("15180", 2),
    "psea": ("15180", 2),
    # Facilitation of orderly, safe, regular and responsible migration and mobility.
    "migration-development": ("15190", 2),
    "labour-migration": ("15190", 2),
    "remittances": ("15190", 2),
    # Women's rights organisations and movements, and government institutions.
    "diaspora-capacity": ("15170", 2),
}


def load_area_mappings(counter, areas):
    """Map each sample area that has no mapping yet; `areas` is {slug: ThematicArea}."""
    mapped = set(AreaMapping.objects.values_list("thematic_area_id", flat=True))
    for slug, (sector, significance) in AREA_MAPPINGS.items():
        area = areas.get(slug)
        if area is None or area.pk in mapped:
            continue
        services.map_area(thematic_area=area, sector_code=sector, gender_significance=significance)
        counter["IATI mappings of thematic areas created"] += 1
