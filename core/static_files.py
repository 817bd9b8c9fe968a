"""The storage of the collected static files: hashed names, gzip and Brotli copies."""

from whitenoise.storage import CompressedManifestStaticFilesStorage


class HashedCompressedStorage(CompressedManifestStaticFilesStorage):
    """WhiteNoise's compressed manifest storage, whose pages name the hashed files in debug
    mode too (Django names the plain ones there), so that `make run` serves what a server
    serves: compressed files that browsers keep for ever and never ask for again."""

    def url(self, name, force=False):
        return super().url(name, force=True)
