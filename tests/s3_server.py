"""A real S3-compatible server (moto's standalone server) on 127.0.0.1, in its own process."""

import socket
import subprocess
import sys
import time
import urllib.request

import boto3

ACCESS_KEY = "test-access-key"
SECRET_KEY = "test-secret-key"
BUCKET = "rencontres-media"


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class S3Server:
    """`with S3Server() as s3:` an empty server with one bucket; s3.environ configures it."""

    def __init__(self, bucket=BUCKET):
        self.bucket = bucket
        self.port = free_port()
        self.endpoint = f"http://127.0.0.1:{self.port}"

    @property
    def environ(self):
        return {
            "AWS_STORAGE_BUCKET_NAME": self.bucket,
            "AWS_ACCESS_KEY_ID": ACCESS_KEY,
            "AWS_SECRET_ACCESS_KEY": SECRET_KEY,
            "AWS_S3_ENDPOINT_URL": self.endpoint,
            "AWS_S3_REGION_NAME": "us-east-1",
        }

    def client(self):
        return boto3.client(
            "s3",
            endpoint_url=self.endpoint,
            aws_access_key_id=ACCESS_KEY,
            aws_secret_access_key=SECRET_KEY,
            region_name="us-east-1",
        )

    def __enter__(self):
        self.process = subprocess.Popen(
            [sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(self.port)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 30
        while True:
            try:
                urllib.request.urlopen(self.endpoint + "/moto-api/", timeout=1)
                break
            except OSError:
                if time.monotonic() > deadline or self.process.poll() is not None:
                    self.__exit__()
                    raise RuntimeError("the S3 test server did not start") from None
                time.sleep(0.1)
        self.client().create_bucket(Bucket=self.bucket)
        return self

    def __exit__(self, *exc):
        self.process.terminate()
        self.process.wait(timeout=10)

    def keys(self):
        found = self.client().list_objects_v2(Bucket=self.bucket).get("Contents", [])
        return sorted(item["Key"] for item in found)

    def is_public(self, key):
        grants = self.client().get_object_acl(Bucket=self.bucket, Key=key)["Grants"]
        return any(
            grant["Grantee"].get("URI", "").endswith("/global/AllUsers")
            and grant["Permission"] == "READ"
            for grant in grants
        )
