"""The unit's records. Defined in `choices`, `filing` and `records`; imported from here."""

from activities.choices import (  # noqa: F401
    ActivityStatus,
    ChangeState,
    DatePrecision,
    EventKind,
    OutputKind,
    PartnerRole,
    Prominence,
    ReviewAction,
    ReviewState,
    Visibility,
)
from activities.filing import (  # noqa: F401
    ActivityType,
    Event,
    Initiative,
    ReportSection,
    ThematicArea,
)
from activities.records import (  # noqa: F401
    Activity,
    ActivityHistoryRelations,
    ActivityPartner,
    ActivityQuerySet,
    FiguresGeneration,
    Output,
    YearFigures,
    activity_history,
    approved_scope,
    visibility_rule,
)
from activities.review import NotificationSetting, PendingChange, ReviewEvent  # noqa: F401
from activities.web_addresses import FormerAddress  # noqa: F401
