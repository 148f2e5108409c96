from ninja import NinjaAPI

api = NinjaAPI(title="Netzwerkstatt API", version="1", urls_namespace="api")
