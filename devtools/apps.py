from django.apps import AppConfig


class DevtoolsConfig(AppConfig):
    """Development and benchmark tools: the demo content, generated volume, benchmarks.

    Installed by the dev and test settings only; production neither installs nor imports it."""

    name = "devtools"
    verbose_name = "Development tools"
