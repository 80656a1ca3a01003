// The look: a calm government back-office — deep blue header, white navigation, quiet grey canvas,
// small radii, system CJK fonts (Noto Sans CJK SC on Linux, Microsoft YaHei on Windows, PingFang on macOS).
import type { ThemeConfig } from 'antd'

export const BRAND_BLUE = '#1f5fa6'
export const HEADER_BG = '#163a66'

export const appTheme: ThemeConfig = {
  // Zero-runtime styles: the components' CSS comes from antd's prebuilt stylesheet (imported once in
  // main.tsx), themed through CSS variables, instead of being generated in the page. At runtime antd
  // then writes only the variables below. Why: generated styles are dropped when the last component of
  // a kind unmounts and generated again on the next screen that has one — ~60–100 ms of every switch
  // to the flags list (measured with the 1,000,000-row list benchmark).
  zeroRuntime: true,
  hashed: false,
  token: {
    colorPrimary: BRAND_BLUE,
    colorInfo: BRAND_BLUE,
    colorBgLayout: '#f1f3f6',
    borderRadius: 4,
    fontSize: 14,
    fontFamily:
      "-apple-system, BlinkMacSystemFont, 'Segoe UI', 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Noto Sans SC', 'WenQuanYi Micro Hei', sans-serif"
  },
  components: {
    Layout: { headerBg: HEADER_BG, headerHeight: 56, headerPadding: '0 20px', siderBg: '#ffffff' },
    Menu: { itemSelectedBg: '#e6eef8', itemSelectedColor: BRAND_BLUE, itemHeight: 42, subMenuItemBg: '#ffffff' },
    Card: { headerFontSize: 15 },
    Descriptions: { labelBg: '#f6f8fb' }
  }
}
