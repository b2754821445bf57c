"""The page registry: one row per page, read by the frame (navigation) and the home page (links).

`url_path` values are part of the public surface: shared deep links use them, so never rename one. Each equals
the script's file name, so a test (AppTest) can open a page as the *first* run, as a browser opens a deep link.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class PageDef:
    key: str  # translation prefix: "<key>.title", "<key>.blurb"
    script: str  # path relative to the repository root
    url_path: str
    icon: str
    section: str  # translation key of the navigation section


SECTIONS = ("nav.lessons", "nav.convolution", "nav.blocks", "nav.training", "nav.further")

PAGES: tuple[PageDef, ...] = (
    PageDef("lessons", "app_pages/lessons.py", "lessons", ":material/school:", "nav.lessons"),
    PageDef("conv1d", "app_pages/conv1d.py", "conv1d", ":material/timeline:", "nav.convolution"),
    PageDef("conv2d", "app_pages/conv2d.py", "conv2d", ":material/grid_on:", "nav.convolution"),
    PageDef("pooling", "app_pages/pooling.py", "pooling", ":material/compress:", "nav.convolution"),
    PageDef("shapes", "app_pages/shapes.py", "shapes", ":material/view_in_ar:", "nav.blocks"),
    PageDef("activations", "app_pages/activations.py", "activations", ":material/show_chart:", "nav.blocks"),
    PageDef("dropout", "app_pages/dropout.py", "dropout", ":material/blur_on:", "nav.blocks"),
    PageDef("optimizers", "app_pages/optimizers.py", "optimizers", ":material/route:", "nav.blocks"),
    PageDef("data", "app_pages/data.py", "data", ":material/checkroom:", "nav.training"),
    PageDef("train", "app_pages/train.py", "train", ":material/model_training:", "nav.training"),
    PageDef("evaluate", "app_pages/evaluate.py", "evaluate", ":material/fact_check:", "nav.training"),
    PageDef("models", "app_pages/models.py", "models", ":material/save:", "nav.training"),
    PageDef("compare", "app_pages/compare.py", "compare", ":material/compare_arrows:", "nav.training"),
    PageDef("augment", "app_pages/augmentation.py", "augmentation", ":material/flip:", "nav.further"),
    PageDef("transfer", "app_pages/transfer.py", "transfer", ":material/swap_horiz:", "nav.further"),
)

HOME = PageDef("home", "app_pages/home.py", "home", ":material/home:", "")
