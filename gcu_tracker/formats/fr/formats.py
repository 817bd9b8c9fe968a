from gcu_tracker.formats.common import *  # noqa: F403
