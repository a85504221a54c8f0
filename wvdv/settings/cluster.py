"""The whole stack on one machine (scripts/cluster.sh): the production settings over plain HTTP
on this machine, with the demo content's commands (devtools) to fill the database."""

from .production import *  # noqa: F403
from .production import INSTALLED_APPS

INSTALLED_APPS = [*INSTALLED_APPS, "devtools"]
