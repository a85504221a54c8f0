import os
import secrets


def production_environment(**variables):
    """The current environment without DJANGO_* variables, with production settings, a fresh
    secret key and the given variables (None removes one): for running the site in a subprocess."""
    env = {key: value for key, value in os.environ.items() if not key.startswith("DJANGO_")}
    env.update(
        DJANGO_SETTINGS_MODULE="wvdv.settings.production",
        DJANGO_SECRET_KEY=secrets.token_urlsafe(64),
    )
    env.update(variables)
    return {key: value for key, value in env.items() if value is not None}
