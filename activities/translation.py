"""Activity types, thematic areas, report sections, events and initiatives named in English,
French and Spanish, English the fallback (core/registry_names.py)."""

from activities.filing import ActivityType, Event, Initiative, ReportSection, ThematicArea
from core.registry_names import translated

translated(ActivityType, "name", unique={"name"})
translated(ThematicArea, "name", "description", unique={"name"}, history=True)
translated(ReportSection, "title", "description", unique={"title"})
translated(Event, "name", unique={"name"}, history=True)
translated(Initiative, "title", unique={"title"}, history=True)
