#pragma once

/// Opens a link from a message outside the app (the browser, the mail app). The Client holds
/// one; tests put in a double that only records the address, so nothing leaves the machine.

#include <QtCore/QUrl>

namespace Parley {

class LinkOpener
{
public:
    virtual ~LinkOpener();
    /// Hands `url` to whatever opens it; false if that failed.
    virtual bool open(const QUrl &url) = 0;
};

/// The desktop's handler for the address's scheme (QDesktopServices).
class DesktopLinkOpener final : public LinkOpener
{
public:
    bool open(const QUrl &url) override;
};

} // namespace Parley
