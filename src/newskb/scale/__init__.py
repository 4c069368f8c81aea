"""Scale-out: shards of input on ``dask.distributed`` (``newskb[dask]``), results as Parquet.

``newskb.scale.shards`` plans shards and reads/writes their Parquet files and the manifest;
``newskb.scale.dask_engine`` runs them on a cluster and bulk-loads the store at the end.
"""
