// Native WeChat custom component for the member code (weapp only; H5 draws the same panel with Taro components).
// Dumb on purpose: the images (SVG data URIs from qrcode-generator / jsbarcode CODE128) and the grouped digits
// are computed by src/features/member-code, so this file holds no encoding logic and needs no npm modules.
Component({
  options: { addGlobalClass: false },
  properties: {
    qr: { type: String, value: '' },
    barcode: { type: String, value: '' },
    digits: { type: String, value: '' },
    countdown: { type: String, value: '' },
    loading: { type: Boolean, value: false },
    error: { type: String, value: '' },
  },
  methods: {
    onRefreshTap() {
      // The page decides what refreshing means (a new getMemberCode call); we only report the tap.
      this.triggerEvent('refresh', {}, {})
    },
  },
})
