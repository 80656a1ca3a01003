// Free-text fragments the central system would hold: evaluation comments, reasons for declining a
// joint inspection, plan methods and frequencies, clue reference prefixes. Written for the demo.
import type { TRIGGER_SOURCES } from '../../contract/records.ts'
import type { Domain } from '../../contract/scalars.ts'

export const APPROVE_COMMENTS = [
  '检查人员亮码入企，程序规范。', '检查前已收到通知，时间安排合理。', '指出问题具体，整改建议清楚。', '检查用时较短，未影响正常经营。',
  '执法人员态度友好，讲解耐心。', '一次检查覆盖多个事项，减少了重复接待。'
] as const

export const DISAPPROVE_COMMENTS = [
  '本月已接受过同类检查，重复提交相同材料。', '检查人员未出示检查码。', '检查时间过长，影响门店营业。', '要求法定代表人到场配合，耽误生产。',
  '反映的问题至今未处理。', '同一事项不同部门先后检查两次。'
] as const

export const JOINT_DECLINED_REASONS = [
  '检查事项专业性强，需单独开展现场检测', '联合发起方检查时段与本部门专项行动时间冲突', '对象已列入本部门重点监管，需单独取证',
  '涉及危险化学品专项检查，按上级部署单独实施'
] as const

export const PLAN_METHODS = ['现场检查', '现场检查、书面核查', '双随机抽查、现场检查', '非现场检查为主、现场核查为辅', '联合检查'] as const

export const PLAN_FREQUENCIES = {
  ANNUAL: ['每年不超过1次', '每年1次', '按风险等级确定，A级每两年1次，D级每半年1次'],
  MONTHLY: ['本月1次', '每月不超过1次'],
  SPECIAL: ['专项行动期间1次', '专项期间不超过1次']
} as const

export const TRIGGER_REF_PREFIX: Record<(typeof TRIGGER_SOURCES)[number], string> = {
  COMPLAINT: '12345TS', REPORT: 'JB', REFERRAL: 'ZJB', TRANSFER: 'YS', MEDIA: 'MT', MONITORING: 'ZHJG',
  SAMPLING_FAILED: 'CJBHG', ACCIDENT: 'SG', OTHER: 'QT'
}

/** Themes of 专项 (special) plans and the domains that run them; `superior` ones are usually deployed by the city (上级部署). */
export const SPECIAL_THEMES: readonly { title: string; domains: readonly Domain[]; superior: boolean }[] = [
  { title: '燃气安全专项检查', domains: ['CONS', 'URB', 'EMER'], superior: true },
  { title: '消防安全集中除患攻坚', domains: ['FIRE'], superior: true },
  { title: '食品安全守护专项行动', domains: ['MKT'], superior: false },
  { title: '夏季高温作业安全专项检查', domains: ['EMER', 'HRSS'], superior: false },
  { title: '危险化学品安全专项整治', domains: ['EMER', 'PSB', 'ENV'], superior: true },
  { title: '节前安全生产大检查', domains: ['EMER', 'FIRE', 'TRAN'], superior: true },
  { title: '校园周边环境专项整治', domains: ['MKT', 'URB', 'CULT'], superior: false },
  { title: '欠薪问题专项检查', domains: ['HRSS'], superior: true },
  { title: '医保基金使用专项检查', domains: ['MEDI', 'HLTH'], superior: true },
  { title: '药品安全专项整治', domains: ['DRUG'], superior: true },
  { title: '农资打假专项行动', domains: ['AGRI'], superior: false },
  { title: '道路运输安全专项整治', domains: ['TRAN'], superior: false },
  { title: '公共场所卫生专项检查', domains: ['HLTH'], superior: false },
  { title: '文化市场暑期专项检查', domains: ['CULT'], superior: false },
  { title: '涉企环境违法问题专项执法', domains: ['ENV'], superior: false },
  { title: '旅馆业治安专项检查', domains: ['PSB'], superior: false }
]

/** The theme of the self-initiated special plan the demo queues for review (plans.ts, scopedSpecialInReview). */
export const SELF_INITIATED_SPECIAL_THEMES: Partial<Record<Domain, string>> = { HRSS: '劳动用工规范' }

/** Joint (联合) inspection themes: one industry, a lead domain and the domains that join it. */
export const JOINT_THEMES: readonly { title: string; industry: string; lead: Domain; participants: readonly Domain[] }[] = [
  { title: '餐饮服务单位“一业一查”联合检查', industry: '餐饮服务（H62）', lead: 'MKT', participants: ['URB', 'ENV'] },
  { title: '密室剧本杀等新业态联合检查', industry: '娱乐业（R90）', lead: 'CULT', participants: ['PSB', 'FIRE'] },
  { title: '危险化学品企业跨部门综合监管', industry: '化学原料和化学制品制造（C26）', lead: 'EMER', participants: ['ENV', 'FIRE'] },
  { title: '燃气经营企业联合检查', industry: '燃气生产和供应（D45）', lead: 'CONS', participants: ['EMER', 'MKT'] },
  { title: '乡村民宿联合检查', industry: '乡村民宿（H6190）', lead: 'CULT', participants: ['PSB', 'HLTH'] },
  { title: '医药零售企业联合检查', industry: '医药零售（F5251）', lead: 'DRUG', participants: ['MEDI'] },
  { title: '建筑工地联合检查', industry: '房屋建筑业（E47）', lead: 'CONS', participants: ['HRSS', 'URB'] },
  { title: '冷链仓储企业联合检查', industry: '仓储业（G59）', lead: 'TRAN', participants: ['EMER', 'FIRE'] }
]

/** What an annual plan says its objects are (检查对象范围), per domain. */
export const SCOPE_NOUNS: Record<Domain, string> = {
  MKT: '食品生产经营者、特种设备使用单位及其他经营主体', PSB: '旅馆业、公章刻制业、易制爆危险化学品从业单位等', FIRE: '消防安全重点单位',
  DRUG: '药品零售企业、医疗器械经营企业及化妆品经营者', HLTH: '公共场所经营单位、医疗机构及职业病危害用人单位',
  CULT: '娱乐场所、上网服务营业场所、旅行社及新业态经营场所', ENV: '排污许可重点管理单位及其他固定污染源单位',
  TRAN: '道路运输、机动车维修及驾驶员培训经营者', URB: '沿街商户及建筑垃圾、燃气使用相关单位', HRSS: '与劳动者建立劳动关系的用人单位',
  CONS: '在建工程参建单位及燃气经营企业', EMER: '危险化学品及工贸行业生产经营单位', AGRI: '农药经营者、动物诊疗机构及规模养殖场',
  MEDI: '医疗保障定点医药机构'
}
