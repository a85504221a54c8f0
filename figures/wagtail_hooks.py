from wagtail import hooks

from .desk import moderators_desk_panel


@hooks.register("construct_homepage_panels")
def add_moderators_desk_panel(request, panels):
    panel = moderators_desk_panel(request.user)
    if panel is not None:
        panels.append(panel)
