"""WebSocket URL routes."""

from django.urls import path

from core.consumers import DashboardConsumer

websocket_urlpatterns = [
    path("ws/dashboard/", DashboardConsumer.as_asgi()),
]
