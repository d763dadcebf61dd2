import QtQuick
import QtQuick.Controls
import Parley

// The one filled button of a screen or dialog (its main action). Drawn here rather than by
// Material's raised button, whose shadow is a shader effect the software renderer cannot
// draw (the button would vanish).
Button {
    id: button

    highlighted: true
    implicitHeight: 40
    leftPadding: Theme.spacingHuge
    rightPadding: Theme.spacingHuge
    Accessible.name: text

    contentItem: Label {
        text: button.text
        font: button.font
        horizontalAlignment: Text.AlignHCenter
        verticalAlignment: Text.AlignVCenter
        elide: Text.ElideRight
        color: button.enabled ? Theme.textOnAccent : Theme.secondaryText
    }

    background: Rectangle {
        implicitWidth: 96
        implicitHeight: 40
        radius: Theme.radius
        color: !button.enabled ? Theme.divider
             : button.down ? Qt.darker(Theme.accent, 1.15)
             : button.hovered ? Qt.lighter(Theme.accent, 1.08) : Theme.accent
        border.width: button.visualFocus ? 2 : 0
        border.color: Theme.text
    }
}
