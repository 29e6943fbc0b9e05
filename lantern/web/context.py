from django.conf import settings


def council(request):
    return {"council_name": settings.LANTERN_COUNCIL_NAME}
