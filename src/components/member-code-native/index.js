// Native WeChat custom component for the member code (weapp only; H5 draws the same panel with Taro components).
// Dumb on purpose: the images (SVG data URIs from qrcode-generator / jsbarcode CODE128), the grouped digits and
// the footer line are computed by src/features/member-code, so this file holds no encoding logic and needs no npm
// modules. Its own state is only whether the code is shown enlarged.
Component({
  options: { addGlobalClass: false },
  properties: {
    qr: { type: String, value: '' },
    barcode: { type: String, value: '' },
    digits: { type: String, value: '' },
    countdown: { type: String, value: '' },
    // The code shown is the last one received (refreshing failed); the till still accepts it for a while.
    stale: { type: Boolean, value: false },
    loading: { type: Boolean, value: false },
    error: { type: String, value: '' },
  },
  data: { enlarged: false },
  observers: {
    // Nothing left to enlarge: close, so an old code never stays full screen.
    'qr, error, loading': function (qr, error, loading) {
      if ((!qr || error || loading) && this.data.enlarged) this.setData({ enlarged: false })
    },
  },
  methods: {
    onRefreshTap() {
      // The page decides what refreshing means (a new getMemberCode call); we only report the tap.
      this.triggerEvent('refresh', {}, {})
    },
    onCopyTap() {
      // The page copies through its services (wx.setClipboardData), with the digits it owns.
      this.triggerEvent('copy', {}, {})
    },
    onEnlarge() {
      this.setData({ enlarged: true })
    },
    onShrink() {
      this.setData({ enlarged: false })
    },
  },
})
