"""``zorgadvies serve``: assessment rounds in the browser and a JSON API (needs the ``web`` extra).

- :mod:`.app`: the Litestar app, its routes and security headers (thin: no verdict logic);
- :mod:`.api`: the JSON API under ``/api/v1``;
- :mod:`.accounts`, :mod:`.rounds`: what the routes do with the store;
- :mod:`.security`: tokens, hashes and passwords; :mod:`.server`: how uvicorn's workers build the app.

The core library never imports this package.
"""
