"""Test servers: a fault-injecting HTTP/1.1 server and a Prism mock-server runner.

Import from the submodules (``tests/`` is on ``sys.path`` through the root conftest)::

    from _servers.faults import Fault, FaultServer
    from _servers.prism import PrismServer
"""
