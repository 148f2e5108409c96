from django.core.paginator import Page, Paginator

PER_PAGE = 25


def paginate(request, queryset, *, per_page: int = PER_PAGE) -> Page:
    """The requested page of the queryset; out-of-range or garbage page numbers give the nearest page."""
    return Paginator(queryset, per_page).get_page(request.GET.get("page"))
