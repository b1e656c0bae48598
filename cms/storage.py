"""Media on S3-compatible storage, as production runs it (and the integration tests too).

Originals and documents are private (served through signed, expiring links); renditions,
which pages show, are public-read with plain URLs, so that cached HTML never holds a
signature that expires, and carry a one-year Cache-Control (their names change with them).
"""


def s3_storages(environ):
    """Django's STORAGES entries "default" and "renditions" from `environ`'s AWS_* values."""
    common = {
        "bucket_name": environ["AWS_STORAGE_BUCKET_NAME"],
        "access_key": environ["AWS_ACCESS_KEY_ID"],
        "secret_key": environ["AWS_SECRET_ACCESS_KEY"],
        "endpoint_url": environ.get("AWS_S3_ENDPOINT_URL") or None,
        "region_name": environ.get("AWS_S3_REGION_NAME") or None,
        "file_overwrite": False,
    }
    return {
        "default": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {**common, "default_acl": "private", "querystring_auth": True},
        },
        "renditions": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {
                **common,
                "default_acl": "public-read",
                "querystring_auth": False,
                "custom_domain": environ.get("AWS_S3_CUSTOM_DOMAIN") or None,
                "object_parameters": {"CacheControl": "public, max-age=31536000, immutable"},
            },
        },
    }
