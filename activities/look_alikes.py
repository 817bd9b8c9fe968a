"""Records a row of an import may repeat: by title, or by day, type and place.

Kept small and looked up by key, so that a file of 100,000 rows is checked in linear time and
modest memory against every record the importer may see.
"""

from collections import defaultdict
from dataclasses import dataclass
from itertools import chain

from activities.models import Activity
from core.sheets import plain


@dataclass(frozen=True)
class Alike:
    """A record, or an earlier row of the file, that a row may repeat: small, since a large
    file's check keeps one for every row."""

    title: str
    pk: int | None = None


class Seen:
    """Records a new row may repeat: those the user may see, and the file's earlier rows."""

    def __init__(self, user):
        self.titles = defaultdict(list)
        self.occasions = defaultdict(list)
        visible = Activity.objects.visible_to(user).values_list(
            "pk", "title", "start_date", "activity_type_id", "city", "country"
        )
        for pk, title, start, type_id, city, country in visible.iterator(chunk_size=5000):
            self._add(Alike(title, pk), title, (start, type_id, city, country))

    @staticmethod
    def occasion(start, type_id, city, country):
        place = plain(city) or str(country or "")
        return (start, type_id, place) if place else None

    def _add(self, alike, title, when_where):
        self.titles[plain(title)].append(alike)
        occasion = self.occasion(*when_where)
        if occasion:
            self.occasions[occasion].append(alike)

    def look_alikes(self, activity, limit=5):
        """The first `limit` records of the same title, then of the same occasion.

        Looked up by key and cut at `limit`: linear in the file however many rows share a
        day, type and place (comparing each with every earlier one took minutes).
        """
        when_where = (
            activity.start_date,
            activity.activity_type_id,
            activity.city,
            activity.country,
        )
        occasion = self.occasion(*when_where)
        candidates = chain(
            self.titles.get(plain(activity.title), ()),
            self.occasions.get(occasion, ()) if occasion else (),
        )
        found, taken = [], set()
        for other in candidates:
            if id(other) not in taken:
                taken.add(id(other))
                found.append(other)
                if len(found) == limit:
                    break
        self._add(Alike(activity.title), activity.title, when_where)
        return found
