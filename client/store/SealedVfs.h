#pragma once

/// An SQLite VFS that keeps a database and its WAL encrypted on disk (docs/security.md, "The
/// cache at rest"): every page and WAL frame image is AES-256-XTS with the page number (or frame
/// index) as tweak, so SQLite reads and writes pages as usual and no page is ever in clear on
/// disk. It wraps the default VFS of the libsqlite3 the QSQLITE driver uses, under the name
/// name(); a connection picks it with the URI `file:PATH?vfs=parley-sealed` (QSQLITE_OPEN_URI).
///
/// Keys are held here per database path, never in a URI. Opening a database through this VFS
/// without a key for its path is refused, and so is every file that would hold plaintext
/// beside the database and its WAL (rollback journal, temp files): the connection must use WAL
/// and `PRAGMA temp_store = MEMORY` (SealedCache does).

#include <QtCore/QByteArray>
#include <QtCore/QString>

namespace Parley {

namespace SealedVfs {

/// The VFS's name, as in `?vfs=`.
const char *name();
/// Registers the VFS (once; later calls do nothing). False if SQLite refused it.
bool ensureRegistered();
/// Keys the database at `path` (and its WAL) with `secret` (32 bytes, CacheKey); replaces an
/// earlier key for that path. False if `secret` has the wrong size.
bool setKey(const QString &path, const QByteArray &secret);
/// Forgets the key of `path` (after its connection is closed).
void forgetKey(const QString &path);
/// Whether the key set for `path` opens the database there: its page 1 decrypts to the b-tree
/// page SQLite expects (a wrong key passes with a chance of about 1 in 10^7). A file shorter
/// than one page cannot tell, and passes. Checked before SQLite opens the file, as SQLite
/// would take a WAL it cannot decrypt for an empty one and drop it.
bool keyFits(const QString &path);

} // namespace SealedVfs

} // namespace Parley
