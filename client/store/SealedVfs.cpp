#include "SealedVfs.h"

#include "Logging.h"

#include <openssl/evp.h>
#include <sodium.h>
#include <sqlite3.h>

#include <QtCore/QFile>
#include <QtCore/QFileInfo>

#include <algorithm>
#include <array>
#include <cstring>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace Parley {

namespace {

constexpr const char *VfsName = "parley-sealed";
/// Page 1 starts with the 100-byte database header, left in clear: SQLite reads it alone at
/// open, and it holds sizes and counters only.
constexpr sqlite3_int64 DbHeaderSize = 100;
constexpr sqlite3_int64 WalHeaderSize = 32;
constexpr sqlite3_int64 WalFrameHeaderSize = 24;
/// The tweak's domain byte keeps a database page and a WAL frame with the same number apart.
constexpr unsigned char DbDomain = 0;
constexpr unsigned char WalDomain = 1;
constexpr std::size_t XtsKeySize = 64;
constexpr std::size_t SecretSize = crypto_kdf_KEYBYTES;

using XtsKey = std::array<unsigned char, XtsKeySize>;

/// Keys by the database's full path (as SQLite names it to xOpen).
struct KeyRing
{
    std::mutex mutex;
    std::map<std::string, std::shared_ptr<const XtsKey>> keys;

    std::shared_ptr<const XtsKey> find(const char *path)
    {
        if (!path)
            return {};
        std::lock_guard lock(mutex);
        auto it = keys.find(path);
        return it == keys.end() ? nullptr : it->second;
    }
};

KeyRing &keyRing()
{
    static KeyRing ring;
    return ring;
}

sqlite3_vfs *s_root = nullptr;

/// A rollback journal is let through only for a database that was empty when it opened
/// (VACUUM INTO's new file): SQLite journals only pages that existed before the transaction,
/// so such a journal holds its header and nothing else.
enum class Kind { Database, Wal, EmptyJournal };

/// One open database or WAL file; `real` (the default VFS's file) follows it in memory.
struct SealedFile
{
    sqlite3_file base;
    sqlite3_file *real;
    Kind kind;
    int pageSize; ///< 0 until known (database header bytes 16–17, WAL header bytes 8–11)
    EVP_CIPHER_CTX *encrypt;
    EVP_CIPHER_CTX *decrypt;
    std::vector<unsigned char> *scratch;
};

/// A stretch of the file that is encrypted as one XTS data unit, or left in clear.
struct Region
{
    sqlite3_int64 start = 0;
    sqlite3_int64 end = 0;
    bool sealed = false;
    unsigned char domain = 0;
    sqlite3_int64 unit = 0; ///< page number or frame index: the tweak
};

int parseDbPageSize(const unsigned char *header)
{
    const int v = (header[16] << 8) | header[17];
    const int size = v == 1 ? 65536 : v;
    return size >= 512 && size <= 65536 && (size & (size - 1)) == 0 ? size : 0;
}

int parseWalPageSize(const unsigned char *header)
{
    const quint32 v = (quint32(header[8]) << 24) | (quint32(header[9]) << 16)
            | (quint32(header[10]) << 8) | quint32(header[11]);
    return v >= 512 && v <= 65536 && (v & (v - 1)) == 0 ? int(v) : 0;
}

/// Learns the page size from a header passing through (read or written at `offset`).
void notePageSize(SealedFile *f, const void *data, int amount, sqlite3_int64 offset)
{
    if (offset != 0)
        return;
    const auto *bytes = static_cast<const unsigned char *>(data);
    if (f->kind == Kind::Database && amount >= 18) {
        if (int size = parseDbPageSize(bytes))
            f->pageSize = size;
    } else if (f->kind == Kind::Wal && amount >= 12) {
        if (int size = parseWalPageSize(bytes))
            f->pageSize = size;
    }
}

/// The page size, from the file's own header when no header has passed through yet.
int pageSize(SealedFile *f)
{
    if (f->pageSize)
        return f->pageSize;
    unsigned char header[DbHeaderSize];
    const int amount = f->kind == Kind::Database ? int(DbHeaderSize) : int(WalHeaderSize);
    if (f->real->pMethods->xRead(f->real, header, amount, 0) == SQLITE_OK)
        notePageSize(f, header, amount, 0);
    return f->pageSize;
}

/// The region that holds byte `offset`.
Region regionAt(SealedFile *f, sqlite3_int64 offset, int size)
{
    if (f->kind == Kind::Database) {
        if (offset < DbHeaderSize)
            return {0, DbHeaderSize, false, DbDomain, 0};
        const sqlite3_int64 page = offset / size;
        const sqlite3_int64 start = page == 0 ? DbHeaderSize : page * size;
        return {start, (page + 1) * size, true, DbDomain, page + 1};
    }
    if (offset < WalHeaderSize)
        return {0, WalHeaderSize, false, WalDomain, 0};
    const sqlite3_int64 frameSize = WalFrameHeaderSize + size;
    const sqlite3_int64 frame = (offset - WalHeaderSize) / frameSize;
    const sqlite3_int64 start = WalHeaderSize + frame * frameSize;
    if (offset < start + WalFrameHeaderSize)
        return {start, start + WalFrameHeaderSize, false, WalDomain, 0};
    return {start + WalFrameHeaderSize, start + frameSize, true, WalDomain, frame + 1};
}

/// Encrypts or decrypts one whole region in place.
bool crypt(SealedFile *f, const Region &r, unsigned char *data, bool encrypting)
{
    unsigned char tweak[16] = {};
    for (int i = 0; i < 8; ++i)
        tweak[i] = static_cast<unsigned char>(quint64(r.unit) >> (8 * i));
    tweak[8] = r.domain;
    EVP_CIPHER_CTX *ctx = encrypting ? f->encrypt : f->decrypt;
    int written = 0;
    const int length = int(r.end - r.start);
    return EVP_CipherInit_ex2(ctx, nullptr, nullptr, tweak, encrypting ? 1 : 0, nullptr) == 1
            && EVP_CipherUpdate(ctx, data, &written, data, length) == 1 && written == length;
}

int sealedClose(sqlite3_file *file)
{
    auto *f = reinterpret_cast<SealedFile *>(file);
    const int rc = f->real->pMethods ? f->real->pMethods->xClose(f->real) : SQLITE_OK;
    EVP_CIPHER_CTX_free(f->encrypt);
    EVP_CIPHER_CTX_free(f->decrypt);
    delete f->scratch;
    f->encrypt = f->decrypt = nullptr;
    f->scratch = nullptr;
    return rc;
}

int sealedRead(sqlite3_file *file, void *buffer, int amount, sqlite3_int64 offset)
{
    auto *f = reinterpret_cast<SealedFile *>(file);
    if (f->kind == Kind::EmptyJournal)
        return f->real->pMethods->xRead(f->real, buffer, amount, offset);
    // One read for the whole span (a page, a header, a whole WAL frame), then every sealed
    // region in it is decrypted in place; one cut by the span is read whole on its own.
    int rc = f->real->pMethods->xRead(f->real, buffer, amount, offset);
    if (rc != SQLITE_OK && rc != SQLITE_IOERR_SHORT_READ)
        return rc;
    notePageSize(f, buffer, amount, offset);
    sqlite3_int64 present = offset + amount;
    if (rc == SQLITE_IOERR_SHORT_READ) {
        // Bytes past the end read as zeros, as SQLite expects: they are not decrypted.
        if (f->real->pMethods->xFileSize(f->real, &present) != SQLITE_OK)
            return SQLITE_IOERR_READ;
    }
    auto *bytes = static_cast<unsigned char *>(buffer);
    const sqlite3_int64 end = offset + amount;
    for (sqlite3_int64 at = offset; at < end;) {
        const int size = (f->kind == Kind::Database && at < DbHeaderSize) ? 0 : pageSize(f);
        if (size == 0 && !(f->kind == Kind::Database && at < DbHeaderSize)
            && !(f->kind == Kind::Wal && at < WalHeaderSize))
            return SQLITE_IOERR_READ;
        const Region r = regionAt(f, at, size);
        const sqlite3_int64 from = std::max(r.start, offset), to = std::min(r.end, end);
        if (r.sealed && r.end <= present) {
            if (r.start >= offset && r.end <= end) {
                if (!crypt(f, r, bytes + (r.start - offset), false))
                    return SQLITE_IOERR_READ;
            } else {
                std::vector<unsigned char> &whole = *f->scratch;
                whole.resize(std::size_t(r.end - r.start));
                const int got =
                        f->real->pMethods->xRead(f->real, whole.data(), int(whole.size()), r.start);
                if (got != SQLITE_OK || !crypt(f, r, whole.data(), false))
                    return SQLITE_IOERR_READ;
                std::memcpy(bytes + (from - offset), whole.data() + (from - r.start),
                            std::size_t(to - from));
            }
        } else if (r.sealed) {
            // A unit cut short by the end of the file cannot be decrypted: zeros, short read.
            std::memset(bytes + (from - offset), 0, std::size_t(to - from));
        }
        at = to;
    }
    return rc;
}

int sealedWrite(sqlite3_file *file, const void *buffer, int amount, sqlite3_int64 offset)
{
    auto *f = reinterpret_cast<SealedFile *>(file);
    if (f->kind == Kind::EmptyJournal)
        return f->real->pMethods->xWrite(f->real, buffer, amount, offset);
    notePageSize(f, buffer, amount, offset);
    const auto *bytes = static_cast<const unsigned char *>(buffer);
    const sqlite3_int64 end = offset + amount;
    sqlite3_file *real = f->real;
    for (sqlite3_int64 at = offset; at < end;) {
        const bool inHeader = f->kind == Kind::Database ? at < DbHeaderSize : at < WalHeaderSize;
        int size = inHeader ? 0 : pageSize(f);
        if (!inHeader && size == 0) {
            // A new file whose header has not been written yet: pages are written whole.
            if (amount >= 512 && amount <= 65536 && (amount & (amount - 1)) == 0
                && f->kind == Kind::Database)
                size = f->pageSize = amount;
            else
                return SQLITE_IOERR_WRITE;
        }
        const Region r = regionAt(f, at, size);
        const sqlite3_int64 from = std::max(r.start, offset), to = std::min(r.end, end);
        if (!r.sealed) {
            const int rc =
                    real->pMethods->xWrite(real, bytes + (from - offset), int(to - from), from);
            if (rc != SQLITE_OK)
                return rc;
        } else {
            std::vector<unsigned char> &whole = *f->scratch;
            whole.assign(std::size_t(r.end - r.start), 0);
            if (from != r.start || to != r.end) {
                // Part of a unit: read it, patch it, write it whole.
                sqlite3_int64 fileSize = 0;
                if (real->pMethods->xFileSize(real, &fileSize) != SQLITE_OK)
                    return SQLITE_IOERR_WRITE;
                if (fileSize >= r.end
                    && (real->pMethods->xRead(real, whole.data(), int(whole.size()), r.start)
                                != SQLITE_OK
                        || !crypt(f, r, whole.data(), false)))
                    return SQLITE_IOERR_WRITE;
            }
            std::memcpy(whole.data() + (from - r.start), bytes + (from - offset),
                        std::size_t(to - from));
            if (!crypt(f, r, whole.data(), true))
                return SQLITE_IOERR_WRITE;
            const int rc = real->pMethods->xWrite(real, whole.data(), int(whole.size()), r.start);
            if (rc != SQLITE_OK)
                return rc;
        }
        at = to;
    }
    return SQLITE_OK;
}

// The rest goes straight to the real file.
sqlite3_file *realOf(sqlite3_file *file)
{
    return reinterpret_cast<SealedFile *>(file)->real;
}
int sealedTruncate(sqlite3_file *file, sqlite3_int64 size)
{
    return realOf(file)->pMethods->xTruncate(realOf(file), size);
}
int sealedSync(sqlite3_file *file, int flags)
{
    return realOf(file)->pMethods->xSync(realOf(file), flags);
}
int sealedFileSize(sqlite3_file *file, sqlite3_int64 *size)
{
    return realOf(file)->pMethods->xFileSize(realOf(file), size);
}
int sealedLock(sqlite3_file *file, int level)
{
    return realOf(file)->pMethods->xLock(realOf(file), level);
}
int sealedUnlock(sqlite3_file *file, int level)
{
    return realOf(file)->pMethods->xUnlock(realOf(file), level);
}
int sealedCheckReservedLock(sqlite3_file *file, int *out)
{
    return realOf(file)->pMethods->xCheckReservedLock(realOf(file), out);
}
int sealedFileControl(sqlite3_file *file, int op, void *arg)
{
    return realOf(file)->pMethods->xFileControl(realOf(file), op, arg);
}
int sealedSectorSize(sqlite3_file *file)
{
    return realOf(file)->pMethods->xSectorSize(realOf(file));
}
int sealedDeviceCharacteristics(sqlite3_file *file)
{
    return realOf(file)->pMethods->xDeviceCharacteristics(realOf(file));
}
// The -shm file holds the WAL index (frame numbers, page numbers, checksums), no content.
int sealedShmMap(sqlite3_file *file, int region, int size, int extend, void volatile **out)
{
    return realOf(file)->pMethods->xShmMap(realOf(file), region, size, extend, out);
}
int sealedShmLock(sqlite3_file *file, int offset, int n, int flags)
{
    return realOf(file)->pMethods->xShmLock(realOf(file), offset, n, flags);
}
void sealedShmBarrier(sqlite3_file *file)
{
    realOf(file)->pMethods->xShmBarrier(realOf(file));
}
int sealedShmUnmap(sqlite3_file *file, int deleteFlag)
{
    return realOf(file)->pMethods->xShmUnmap(realOf(file), deleteFlag);
}

// Version 2: no xFetch, so SQLite never memory-maps the file (a mapping would show it
// ciphertext); every page comes through sealedRead.
const sqlite3_io_methods s_methods = {
        2,
        sealedClose,
        sealedRead,
        sealedWrite,
        sealedTruncate,
        sealedSync,
        sealedFileSize,
        sealedLock,
        sealedUnlock,
        sealedCheckReservedLock,
        sealedFileControl,
        sealedSectorSize,
        sealedDeviceCharacteristics,
        sealedShmMap,
        sealedShmLock,
        sealedShmBarrier,
        sealedShmUnmap,
        nullptr,
        nullptr,
};

bool databaseIsEmpty(sqlite3_filename journal)
{
    const char *database = sqlite3_filename_database(journal);
    return database && QFileInfo(QString::fromLocal8Bit(database)).size() == 0;
}

int sealedOpen(sqlite3_vfs *, sqlite3_filename name, sqlite3_file *file, int flags, int *outFlags)
{
    auto *f = reinterpret_cast<SealedFile *>(file);
    std::memset(f, 0, sizeof(SealedFile));
    std::shared_ptr<const XtsKey> key;
    if (flags & SQLITE_OPEN_MAIN_DB) {
        f->kind = Kind::Database;
        key = keyRing().find(name);
    } else if (flags & SQLITE_OPEN_WAL) {
        f->kind = Kind::Wal;
        key = keyRing().find(sqlite3_filename_database(name));
    } else if ((flags & SQLITE_OPEN_MAIN_JOURNAL) && databaseIsEmpty(name)) {
        f->kind = Kind::EmptyJournal;
        key = keyRing().find(sqlite3_filename_database(name));
    } else {
        // A rollback or statement journal, a temp file: each would hold pages in clear.
        qCWarning(lcClientStore) << "the sealed cache refuses a file of kind" << Qt::hex << flags;
        return SQLITE_CANTOPEN;
    }
    if (!key) {
        qCWarning(lcClientStore) << "the sealed cache has no key for" << name;
        return SQLITE_AUTH;
    }
    f->real = reinterpret_cast<sqlite3_file *>(f + 1);
    f->encrypt = EVP_CIPHER_CTX_new();
    f->decrypt = EVP_CIPHER_CTX_new();
    f->scratch = new std::vector<unsigned char>;
    const EVP_CIPHER *xts = EVP_aes_256_xts();
    if (!f->encrypt || !f->decrypt
        || EVP_EncryptInit_ex2(f->encrypt, xts, key->data(), nullptr, nullptr) != 1
        || EVP_DecryptInit_ex2(f->decrypt, xts, key->data(), nullptr, nullptr) != 1) {
        sealedClose(file);
        return SQLITE_CANTOPEN;
    }
    const int rc = s_root->xOpen(s_root, name, f->real, flags, outFlags);
    if (rc != SQLITE_OK) {
        f->real->pMethods = nullptr;
        sealedClose(file);
        return rc;
    }
    f->base.pMethods = &s_methods;
    return SQLITE_OK;
}

// Everything but opening files is the default VFS's.
int sealedDelete(sqlite3_vfs *, const char *name, int syncDir)
{
    return s_root->xDelete(s_root, name, syncDir);
}
int sealedAccess(sqlite3_vfs *, const char *name, int flags, int *out)
{
    return s_root->xAccess(s_root, name, flags, out);
}
int sealedFullPathname(sqlite3_vfs *, const char *name, int size, char *out)
{
    return s_root->xFullPathname(s_root, name, size, out);
}
void *sealedDlOpen(sqlite3_vfs *, const char *name)
{
    return s_root->xDlOpen(s_root, name);
}
void sealedDlError(sqlite3_vfs *, int size, char *out)
{
    s_root->xDlError(s_root, size, out);
}
void (*sealedDlSym(sqlite3_vfs *, void *handle, const char *symbol))(void)
{
    return s_root->xDlSym(s_root, handle, symbol);
}
void sealedDlClose(sqlite3_vfs *, void *handle)
{
    s_root->xDlClose(s_root, handle);
}
int sealedRandomness(sqlite3_vfs *, int size, char *out)
{
    return s_root->xRandomness(s_root, size, out);
}
int sealedSleep(sqlite3_vfs *, int microseconds)
{
    return s_root->xSleep(s_root, microseconds);
}
int sealedCurrentTime(sqlite3_vfs *, double *out)
{
    return s_root->xCurrentTime(s_root, out);
}
int sealedGetLastError(sqlite3_vfs *, int size, char *out)
{
    return s_root->xGetLastError ? s_root->xGetLastError(s_root, size, out) : 0;
}
int sealedCurrentTimeInt64(sqlite3_vfs *, sqlite3_int64 *out)
{
    return s_root->xCurrentTimeInt64(s_root, out);
}

sqlite3_vfs s_vfs;

std::string fullPath(const QString &path)
{
    const QByteArray local = QFileInfo(path).absoluteFilePath().toLocal8Bit();
    std::string out(std::size_t(s_root->mxPathname) + 1, '\0');
    if (s_root->xFullPathname(s_root, local.constData(), int(out.size()), out.data()) != SQLITE_OK)
        return local.toStdString();
    out.resize(std::strlen(out.c_str()));
    return out;
}

} // namespace

const char *SealedVfs::name()
{
    return VfsName;
}

bool SealedVfs::ensureRegistered()
{
    static const bool registered = [] {
        if (sodium_init() < 0 || sqlite3_initialize() != SQLITE_OK)
            return false;
        s_root = sqlite3_vfs_find(nullptr);
        if (!s_root || s_root->iVersion < 2)
            return false;
        s_vfs = sqlite3_vfs{};
        s_vfs.iVersion = 2;
        s_vfs.szOsFile = int(sizeof(SealedFile)) + s_root->szOsFile;
        s_vfs.mxPathname = s_root->mxPathname;
        s_vfs.zName = VfsName;
        s_vfs.xOpen = sealedOpen;
        s_vfs.xDelete = sealedDelete;
        s_vfs.xAccess = sealedAccess;
        s_vfs.xFullPathname = sealedFullPathname;
        s_vfs.xDlOpen = sealedDlOpen;
        s_vfs.xDlError = sealedDlError;
        s_vfs.xDlSym = sealedDlSym;
        s_vfs.xDlClose = sealedDlClose;
        s_vfs.xRandomness = sealedRandomness;
        s_vfs.xSleep = sealedSleep;
        s_vfs.xCurrentTime = sealedCurrentTime;
        s_vfs.xGetLastError = sealedGetLastError;
        s_vfs.xCurrentTimeInt64 = sealedCurrentTimeInt64;
        return sqlite3_vfs_register(&s_vfs, 0) == SQLITE_OK;
    }();
    return registered;
}

bool SealedVfs::setKey(const QString &path, const QByteArray &secret)
{
    if (secret.size() != qsizetype(SecretSize) || !ensureRegistered())
        return false;
    // One 64-byte XTS key (two AES-256 keys) per cache secret, in a context of its own.
    auto key = std::make_shared<XtsKey>();
    if (crypto_kdf_derive_from_key(key->data(), key->size(), 1, "PrlCache",
                                   reinterpret_cast<const unsigned char *>(secret.constData()))
        != 0)
        return false;
    std::lock_guard lock(keyRing().mutex);
    keyRing().keys[fullPath(path)] = std::move(key);
    return true;
}

bool SealedVfs::keyFits(const QString &path)
{
    if (!ensureRegistered())
        return false;
    std::shared_ptr<const XtsKey> key;
    {
        std::lock_guard lock(keyRing().mutex);
        auto it = keyRing().keys.find(fullPath(path));
        if (it == keyRing().keys.end())
            return false;
        key = it->second;
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return true; // nothing to open yet
    const QByteArray header = file.read(DbHeaderSize);
    const int size = header.size() == DbHeaderSize
            ? parseDbPageSize(reinterpret_cast<const unsigned char *>(header.constData()))
            : 0;
    if (size == 0 || file.size() < size)
        return true;
    QByteArray page = header + file.read(size - DbHeaderSize);
    if (page.size() != size)
        return false;
    SealedFile f{};
    f.decrypt = EVP_CIPHER_CTX_new();
    const bool decrypted = f.decrypt
            && EVP_DecryptInit_ex2(f.decrypt, EVP_aes_256_xts(), key->data(), nullptr, nullptr) == 1
            && crypt(&f, Region{DbHeaderSize, size, true, DbDomain, 1},
                     reinterpret_cast<unsigned char *>(page.data()) + DbHeaderSize, false);
    EVP_CIPHER_CTX_free(f.decrypt);
    if (!decrypted)
        return false;
    // The b-tree page header of sqlite_schema (fileformat2.html, 1.6): a table page, its first
    // freeblock 0 or inside the page, at most a page's worth of cells, content inside the
    // page, at most 60 fragmented bytes.
    const auto *b = reinterpret_cast<const unsigned char *>(page.constData()) + DbHeaderSize;
    const int type = b[0];
    const int freeblock = (b[1] << 8) | b[2];
    const int cells = (b[3] << 8) | b[4];
    const int content = (b[5] << 8) | b[6];
    const int fragmented = b[7];
    return (type == 0x0D || type == 0x05) && (freeblock == 0 || freeblock < size)
            && cells <= (size - DbHeaderSize) / 2
            && (content == 0 ? size == 65536 : content <= size) && fragmented <= 60;
}

void SealedVfs::forgetKey(const QString &path)
{
    if (!ensureRegistered())
        return;
    std::lock_guard lock(keyRing().mutex);
    keyRing().keys.erase(fullPath(path));
}

} // namespace Parley
