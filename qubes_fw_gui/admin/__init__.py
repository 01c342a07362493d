"""The Admin API port (port.py) and its adapters: socket_client (qubesd's wire
protocol) and qubesadmin_adapter (the real library); connect() picks one."""
