#include "CborPreflight.h"

#include <QtCore/QCborStreamReader>

namespace Parley {

namespace {

bool skipItem(QCborStreamReader &reader, quint64 total, int depth, int maxDepth)
{
    while (reader.isTag()) {
        if (!reader.next())
            return false;
    }
    if (!reader.isContainer())
        return reader.next();
    if (depth >= maxDepth)
        return false;
    if (reader.isLengthKnown()) {
        const quint64 offset = quint64(reader.currentOffset());
        const quint64 left = offset < total ? total - offset : 0;
        const quint64 length = reader.length();
        if (length > left || (reader.isMap() && length > left / 2))
            return false;
    }
    if (!reader.enterContainer())
        return false;
    while (reader.lastError() == QCborError::NoError && reader.hasNext()) {
        if (!skipItem(reader, total, depth + 1, maxDepth))
            return false;
    }
    return reader.lastError() == QCborError::NoError && reader.leaveContainer();
}

} // namespace

bool cborLengthsFit(QByteArrayView bytes, int maxDepth)
{
    QCborStreamReader reader(bytes.data(), bytes.size());
    return skipItem(reader, quint64(bytes.size()), 0, maxDepth)
            && reader.lastError() == QCborError::NoError;
}

} // namespace Parley
