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

    background: Rectangle {
        color: Theme.surface
        radius: 12
        border.color: Theme.divider
    }
}
