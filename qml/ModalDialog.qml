import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import Parley

// Parley's dialog frame: modal, centred, rounded, with a border instead of Material's
// shadow (a shader effect that the software renderer cannot draw).
Dialog {
    id: dialog

    parent: Overlay.overlay
    anchors.centerIn: parent
    modal: true
    focus: true
    Material.background: Theme.surface
    Material.elevation: 0

    header: Label {
        visible: dialog.title.length > 0
        text: dialog.title
        elide: Text.ElideRight
        padding: Theme.spacingHuge
        bottomPadding: 0
        font.pixelSize: Theme.fontSizeLarge + 2
        font.weight: Font.DemiBold
        color: Theme.text
    }

    // Dim what is behind the same way in light and dark (Material lightens it in dark).
    Overlay.modal: Rectangle {
        color: Theme.dark ? "#A6000000" : "#66101828"
    }

    background: Rectangle {
        color: Theme.surface
        radius: 12
        border.color: Theme.divider
    }
}
