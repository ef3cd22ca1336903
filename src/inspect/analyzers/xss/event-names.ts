/**
 * DOM, SVG/SMIL and legacy IE event names (without the `on` prefix). An `on…=` whose name is here is an
 * event handler even outside a tag; an unknown `on…` name counts only inside a tag or with a script value.
 */
export const EVENT_NAMES: ReadonlySet<string> = new Set(
  (
    'abort activate afterprint afterscriptexecute afterupdate animationcancel animationend animationiteration ' +
    'animationstart auxclick beforeactivate beforecopy beforecut beforedeactivate beforeeditfocus ' +
    'beforeinput beforematch beforepaste beforeprint beforescriptexecute beforetoggle beforeunload ' +
    'beforeupdate begin blur bounce cancel canplay canplaythrough cellchange change click close ' +
    'contentvisibilityautostatechange contextlost contextmenu contextrestored controlselect copy ' +
    'cuechange cut dataavailable datasetchanged datasetcomplete dblclick deactivate drag dragdrop dragend ' +
    'dragenter dragexit dragleave dragover dragstart drop durationchange emptied end ended error ' +
    'errorupdate filterchange finish focus focusin focusout formchange formdata forminput fullscreenchange ' +
    'fullscreenerror gesturechange gestureend gesturestart gotpointercapture hashchange help input invalid ' +
    'keydown keypress keyup layoutcomplete load loadeddata loadedmetadata loadend loadstart losecapture ' +
    'lostpointercapture message messageerror mousedown mouseenter mouseleave mousemove mouseout mouseover ' +
    'mouseup mousewheel move moveend movestart offline online pagehide pagereveal pageshow pageswap paste ' +
    'pause play playing pointercancel pointerdown pointerenter pointerleave pointermove pointerout ' +
    'pointerover pointerrawupdate pointerup popstate progress propertychange ratechange readystatechange ' +
    'rejectionhandled repeat reset resize resizeend resizestart rowenter rowexit rowsdelete rowsinserted ' +
    'scroll scrollend scrollsnapchange scrollsnapchanging search securitypolicyviolation seeked seeking ' +
    'select selectionchange selectstart show slotchange stalled start storage submit suspend timeout ' +
    'timer timeupdate toggle touchcancel touchend touchmove touchstart transitioncancel transitionend ' +
    'transitionrun transitionstart unhandledrejection unload volumechange waiting webkitanimationend ' +
    'webkitanimationiteration webkitanimationstart webkitmouseforcechanged webkitmouseforcedown ' +
    'webkitmouseforceup webkitmouseforcewillbegin webkitplaybacktargetavailabilitychanged ' +
    'webkittransitionend webkitwillrevealbottom wheel zoom'
  ).split(' '),
);
