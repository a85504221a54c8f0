from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock

from core.blocks import HeadingBlock, ImageWithCaptionBlock, ListBlock, QuoteBlock


class StepsBlock(blocks.StructBlock):
    heading = blocks.CharBlock(
        required=False, label=_("Heading"), help_text=_('Empty: "Step by step".')
    )
    steps = blocks.ListBlock(
        blocks.TextBlock(label=_("Step")),
        label=_("Steps"),
        help_text=_("One action per step, in the order in which they are done."),
    )

    class Meta:
        icon = "list-ol"
        label = _("Steps")
        template = "ideas/blocks/steps.html"


class TipsBlock(ListBlock):
    class Meta:
        icon = "help"
        label = _("Tips")
        template = "ideas/blocks/tips.html"


class DocumentBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Document"))
    label = blocks.CharBlock(
        required=False,
        label=_("Link text"),
        help_text=_('For example "Download the invitation (Word)". Empty: the document\'s title.'),
    )

    class Meta:
        icon = "doc-full"
        label = _("Downloadable document")
        template = "ideas/blocks/document.html"


class IdeaBodyBlock(blocks.StreamBlock):
    """The body of an idea: how to do it, what you need, tips, a quote, an image, a download."""

    steps = StepsBlock()
    what_you_need = ListBlock(
        label=_("What you need"),
        icon="tasks",
        template="ideas/blocks/what_you_need.html",
    )
    tips = TipsBlock()
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        features=["bold", "italic", "link", "ol", "ul"], label=_("Paragraph"), icon="pilcrow"
    )
    quote = QuoteBlock()
    image = ImageWithCaptionBlock()
    document = DocumentBlock()
