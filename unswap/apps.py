from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class UnswapConfig(AppConfig):
    name = "unswap"
    verbose_name = _("UN-SWAP")
