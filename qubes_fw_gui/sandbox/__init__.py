"""The sandbox dom0: a local stand-in for qubesd that speaks its wire protocol.

protocol (framing) -> server (asyncio Unix socket) -> api (methods and their
checks) -> dom0 (state changes and their side effects) -> world (qubes),
qubesdb (emulated QubesDB), persist (atomic state file), demo (first-start
world). embedded runs it in a thread of this process; cli as a program.
"""
