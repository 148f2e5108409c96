app_name = "network"
# Each part of the network app keeps its own URL module and adds it here with
# one line: path("", include("netzwerkstatt.network.urls_<part>")).
urlpatterns = []
