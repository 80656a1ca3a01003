// Kinds of business in the district, each with the domains that inspect it (FIRE only when the site
// is a 消防安全重点单位), how often it is one, and the words its names are made of.
import type { Domain } from '../../contract/scalars.ts'

export type Industry = {
  /** Free-text industry as the object library records it, with its GB/T 4754 class. */
  label: string
  weight: number
  domains: readonly Domain[]
  fireKeyUnit: number
  crowdedPlace: number
  /** Share of 个体工商户 (USCC 92…, named after the owner's shop). */
  individual: number
  /** Trade words for company names (…化工有限公司). */
  trades: readonly string[]
  /** Shop words for 个体工商户 names (…面馆). */
  shops?: readonly string[]
  /** Towns where the industry concentrates (keys of TOWNS); empty = everywhere. */
  towns?: readonly string[]
  /** Usual number of sites: [min, max]. */
  sites: readonly [number, number]
}

export const INDUSTRIES: readonly Industry[] = [
  { label: '餐饮服务（H62）', weight: 18, domains: ['MKT', 'URB', 'ENV', 'HRSS', 'FIRE'], fireKeyUnit: 0.05, crowdedPlace: 0.5, individual: 0.55, trades: ['餐饮管理', '餐饮', '食品'], shops: ['面馆', '小吃店', '饭店', '餐厅', '烧烤店', '馄饨店'], sites: [1, 2] },
  { label: '零售业（F52）', weight: 14, domains: ['MKT', 'URB', 'FIRE', 'HRSS'], fireKeyUnit: 0.08, crowdedPlace: 0.35, individual: 0.45, trades: ['商贸', '超市', '商业'], shops: ['便利店', '百货商店', '水果店', '五金店'], sites: [1, 3] },
  { label: '食品制造（C14）', weight: 5, domains: ['MKT', 'ENV', 'EMER', 'HRSS', 'FIRE'], fireKeyUnit: 0.15, crowdedPlace: 0, individual: 0.05, trades: ['食品', '食品科技', '调味品'], towns: ['FENGJING', 'ZHUJING', 'TINGLIN', 'GONGYEQU'], sites: [1, 2] },
  { label: '化学原料和化学制品制造（C26）', weight: 5, domains: ['EMER', 'ENV', 'FIRE', 'PSB', 'HRSS', 'MKT'], fireKeyUnit: 0.85, crowdedPlace: 0, individual: 0, trades: ['化工', '新材料科技', '精细化工'], towns: ['CAOJING', 'SHIHUA', 'JINSHANWEI', 'SHANYANG'], sites: [1, 2] },
  { label: '通用设备制造（C34）', weight: 7, domains: ['EMER', 'ENV', 'HRSS', 'MKT', 'FIRE'], fireKeyUnit: 0.2, crowdedPlace: 0, individual: 0, trades: ['机械制造', '机电设备', '精密机械', '汽车零部件'], towns: ['GONGYEQU', 'TINGLIN', 'ZHUJING', 'FENGJING', 'SHANYANG'], sites: [1, 2] },
  { label: '住宿业（H61）', weight: 4, domains: ['PSB', 'HLTH', 'FIRE', 'MKT', 'URB'], fireKeyUnit: 0.55, crowdedPlace: 0.9, individual: 0.25, trades: ['酒店管理', '宾馆'], shops: ['旅馆', '宾馆'], sites: [1, 1] },
  { label: '乡村民宿（H6190）', weight: 2, domains: ['CULT', 'PSB', 'HLTH', 'FIRE'], fireKeyUnit: 0.3, crowdedPlace: 0.6, individual: 0.6, trades: ['民宿', '乡村旅游'], shops: ['民宿'], towns: ['LANGXIA', 'LVXIANG', 'FENGJING', 'ZHANGYAN'], sites: [1, 1] },
  { label: '娱乐业（R90）', weight: 3, domains: ['CULT', 'PSB', 'FIRE', 'HLTH'], fireKeyUnit: 0.7, crowdedPlace: 1, individual: 0.2, trades: ['文化娱乐', '娱乐', '网络科技'], shops: ['网吧', 'KTV', '密室逃脱馆'], sites: [1, 1] },
  { label: '道路货物运输（G54）', weight: 5, domains: ['TRAN', 'EMER', 'HRSS', 'FIRE'], fireKeyUnit: 0.2, crowdedPlace: 0, individual: 0.1, trades: ['物流', '运输', '供应链管理'], towns: ['SHANYANG', 'GONGYEQU', 'TINGLIN', 'CAOJING'], sites: [1, 3] },
  { label: '房屋建筑业（E47）', weight: 5, domains: ['CONS', 'HRSS', 'EMER', 'URB'], fireKeyUnit: 0, crowdedPlace: 0, individual: 0, trades: ['建设工程', '建筑工程', '建筑安装工程'], sites: [1, 3] },
  { label: '燃气生产和供应（D45）', weight: 1.5, domains: ['CONS', 'EMER', 'FIRE', 'MKT'], fireKeyUnit: 0.9, crowdedPlace: 0, individual: 0, trades: ['燃气', '液化气', '能源'], sites: [1, 3] },
  { label: '医药零售（F5251）', weight: 4, domains: ['DRUG', 'MEDI', 'MKT'], fireKeyUnit: 0, crowdedPlace: 0.1, individual: 0.3, trades: ['医药', '大药房', '药房连锁'], shops: ['药房'], sites: [1, 3] },
  { label: '卫生（Q84）', weight: 3, domains: ['HLTH', 'MEDI', 'DRUG', 'FIRE'], fireKeyUnit: 0.35, crowdedPlace: 0.8, individual: 0.35, trades: ['门诊部', '医疗管理', '口腔门诊部'], shops: ['诊所', '口腔诊所'], sites: [1, 2] },
  { label: '居民服务（O80）', weight: 6, domains: ['HLTH', 'MKT', 'URB'], fireKeyUnit: 0, crowdedPlace: 0.3, individual: 0.75, trades: ['美容美发', '洗浴服务', '家政服务'], shops: ['理发店', '美容店', '足浴店', '洗衣店'], sites: [1, 2] },
  { label: '农业（A01）', weight: 4, domains: ['AGRI', 'ENV', 'MKT'], fireKeyUnit: 0, crowdedPlace: 0, individual: 0.45, trades: ['农业科技', '农业发展', '果蔬专业合作社'], shops: ['家庭农场', '农资店'], towns: ['LANGXIA', 'LVXIANG', 'ZHANGYAN', 'ZHUJING', 'FENGJING'], sites: [1, 2] },
  { label: '畜牧与渔业（A03）', weight: 1.5, domains: ['AGRI', 'ENV'], fireKeyUnit: 0, crowdedPlace: 0, individual: 0.3, trades: ['畜牧', '水产养殖', '生态养殖'], shops: ['养殖场'], towns: ['LANGXIA', 'LVXIANG', 'CAOJING', 'ZHANGYAN'], sites: [1, 2] },
  { label: '机动车维修（O8111）', weight: 3, domains: ['TRAN', 'ENV', 'MKT', 'URB'], fireKeyUnit: 0.05, crowdedPlace: 0, individual: 0.4, trades: ['汽车服务', '汽车维修'], shops: ['汽车修理厂'], sites: [1, 1] },
  { label: '商务服务（L72）', weight: 6, domains: ['MKT', 'HRSS', 'PSB'], fireKeyUnit: 0.02, crowdedPlace: 0.05, individual: 0.1, trades: ['企业管理咨询', '保安服务', '人力资源', '广告'], sites: [1, 1] },
  { label: '塑料和橡胶制品（C29）', weight: 4, domains: ['EMER', 'ENV', 'MKT', 'HRSS', 'FIRE'], fireKeyUnit: 0.3, crowdedPlace: 0, individual: 0, trades: ['塑料制品', '橡塑科技', '包装材料'], towns: ['GONGYEQU', 'ZHUJING', 'TINGLIN', 'JINSHANWEI', 'SHANYANG'], sites: [1, 2] },
  { label: '仓储业（G59）', weight: 2, domains: ['FIRE', 'EMER', 'TRAN'], fireKeyUnit: 0.6, crowdedPlace: 0, individual: 0, trades: ['仓储', '冷链物流'], towns: ['SHANYANG', 'CAOJING', 'GONGYEQU'], sites: [1, 2] }
]

/** Characters of 字号 (trade names): two or three of them make a name. */
export const TRADE_NAME_CHARS = [
  '金', '瑞', '华', '鑫', '盛', '达', '恒', '宏', '源', '泰', '丰', '德', '润', '嘉', '禾', '枫', '亭', '卫', '泾', '海',
  '湾', '兴', '隆', '昌', '荣', '祥', '和', '信', '诚', '益', '康', '宁', '安', '永', '新', '明', '晨', '旭', '辰', '锦',
  '博', '越', '汇', '通', '联', '佳', '美', '欣', '天', '杰', '骏', '朗', '申', '沪', '浦', '滨', '睿', '智', '聚', '茂'
] as const
