#include "LinkOpener.h"

#include <QtGui/QDesktopServices>

namespace Parley {

LinkOpener::~LinkOpener() = default;

bool DesktopLinkOpener::open(const QUrl &url)
{
    return QDesktopServices::openUrl(url);
}

} // namespace Parley
