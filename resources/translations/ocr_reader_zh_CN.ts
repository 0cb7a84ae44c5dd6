<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name />
    <message>
        <location filename="../../reader/ui/annotate.py" line="45" />
        <source>Green</source>
        <translation>绿色</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotate.py" line="46" />
        <source>Blue</source>
        <translation>蓝色</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotate.py" line="47" />
        <source>Pink</source>
        <translation>粉色</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotate.py" line="48" />
        <source>Purple</source>
        <translation>紫色</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotate.py" line="49" />
        <source>Orange</source>
        <translation>橙色</translation>
    </message>
</context>
<context>
    <name>AnnotationEditor</name>
    <message>
        <location filename="../../reader/ui/annotate.py" line="151" />
        <source>Annotation</source>
        <translation>批注</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotate.py" line="151" />
        <source>New Annotation</source>
        <translation>新建批注</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotate.py" line="161" />
        <source>Colour:</source>
        <translation>颜色：</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotate.py" line="163" />
        <source>tags, separated by commas</source>
        <translation>标签，用逗号分隔</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotate.py" line="166" />
        <source>Tags:</source>
        <translation>标签：</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotate.py" line="168" />
        <source>Suggested: %1</source>
        <translation>建议：%1</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotate.py" line="173" />
        <source>Note (plain text; Markdown allowed)</source>
        <translation>备注（纯文本，可用 Markdown）</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotate.py" line="177" />
        <source>Note:</source>
        <translation>备注：</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotate.py" line="183" />
        <source>Delete</source>
        <translation>删除</translation>
    </message>
</context>
<context>
    <name>AnnotationsDock</name>
    <message>
        <location filename="../../reader/ui/annotation_docks.py" line="177" />
        <source>Filter annotations</source>
        <translation>筛选批注</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotation_docks.py" line="180" />
        <source>No annotations on this page yet. Select some text, then press H to highlight it, T to tag it or N to add a note.</source>
        <translation>本版面还没有批注。选中文字后，按 H 高亮，按 T 加标签，按 N 写备注。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotation_docks.py" line="184" />
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotation_docks.py" line="193" />
        <source>All tags</source>
        <translation>全部标签</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotation_docks.py" line="194" />
        <source>All colours</source>
        <translation>全部颜色</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotation_docks.py" line="220" />
        <source>In the text</source>
        <translation>文中</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotation_docks.py" line="222" />
        <source>Unanchored</source>
        <translation>未能定位</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotation_docks.py" line="263" />
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
</context>
<context>
    <name>Annotator</name>
    <message>
        <location filename="../../reader/ui/annotator.py" line="80" />
        <source>Highlight</source>
        <translation>高亮</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotator.py" line="80" />
        <source>Add Note</source>
        <translation>添加备注</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotator.py" line="85" />
        <source>Edit Annotation</source>
        <translation>编辑批注</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotator.py" line="89" />
        <source>Delete Annotation</source>
        <translation>删除批注</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="118" />
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="126" />
        <source>Current article</source>
        <translation>当前文章</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="127" />
        <source>Chosen articles</source>
        <translation>选定的文章</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="128" />
        <source>Whole page</source>
        <translation>整个版面</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="129" />
        <source>This page and other pages…</source>
        <translation>本版面及其他版面…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="130" />
        <source>Every page in the library (%1)</source>
        <translation>资料库中的全部版面（%1）</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="133" />
        <source>The search results (%1 articles)</source>
        <translation>搜索结果（%1 篇文章）</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="140" />
        <source>Export:</source>
        <translation>导出：</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="156" />
        <location filename="../../reader/ui/export_dialog.py" line="166" />
        <source>Plain text</source>
        <translation>纯文本</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="157" />
        <source>Markdown</source>
        <translation>Markdown</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="158" />
        <source>HTML (standalone, printable)</source>
        <translation>HTML（独立文件，可打印）</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="159" />
        <source>EPUB (e-readers)</source>
        <translation>EPUB（电子阅读器）</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="160" />
        <source>JSON (document schema)</source>
        <translation>JSON（文档结构）</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="164" />
        <source>Format:</source>
        <translation>格式：</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="173" />
        <source>LF (Linux, macOS)</source>
        <translation>LF（Linux、macOS）</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="174" />
        <source>CRLF (Windows)</source>
        <translation>CRLF（Windows）</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="177" />
        <source>Blank line between paragraphs</source>
        <translation>段落之间空一行</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="178" />
        <source>Full-width indent, no blank lines</source>
        <translation>全角缩进，不空行</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="180" />
        <source>Encoding:</source>
        <translation>编码：</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="181" />
        <source>Line ends:</source>
        <translation>换行符：</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="182" />
        <source>Paragraphs:</source>
        <translation>段落：</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="185" />
        <source>Include</source>
        <translation>包含</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="187" />
        <source>Bylines</source>
        <translation>署名</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="188" />
        <source>End matter (author units, sources)</source>
        <translation>文末信息（作者单位、来源）</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="189" />
        <source>Datelines and jump markers</source>
        <translation>电头与转版标记</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="190" />
        <source>Page furniture</source>
        <translation>版面杂项</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="191" />
        <source>Highlights and notes</source>
        <translation>高亮与备注</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="214" />
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="228" />
        <source>Cancel Export</source>
        <translation>取消导出</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="230" />
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="232" />
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="343" />
        <source>Other Pages</source>
        <translation>其他版面</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="343" />
        <source>Text files (*.txt)</source>
        <translation>文本文件 (*.txt)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="348" />
        <source>%1 more pages: %2</source>
        <translation>另有 %1 个版面：%2</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="380" />
        <source>and %1 more pages</source>
        <translation>以及另外 %1 个版面</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="393" />
        <source>Export As</source>
        <translation>导出为</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="412" />
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="433" />
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="440" />
        <source>Export cancelled; nothing was written.</source>
        <translation>已取消导出，未写入任何文件。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="442" />
        <source>Export failed: %1</source>
        <translation>导出失败：%1</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <location filename="../../reader/ui/findbar.py" line="58" />
        <source>Find in page</source>
        <translation>页内查找</translation>
    </message>
    <message>
        <location filename="../../reader/ui/findbar.py" line="59" />
        <source>Previous match (Shift+Enter)</source>
        <translation>上一处 (Shift+Enter)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/findbar.py" line="60" />
        <source>Next match (Enter)</source>
        <translation>下一处 (Enter)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/findbar.py" line="61" />
        <source>Close (Esc)</source>
        <translation>关闭 (Esc)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/findbar.py" line="67" />
        <source>No matches</source>
        <translation>无匹配</translation>
    </message>
    <message>
        <location filename="../../reader/ui/findbar.py" line="70" />
        <source>%1 of %2</source>
        <translation>第 %1 处，共 %2 处</translation>
    </message>
</context>
<context>
    <name>LibraryDock</name>
    <message>
        <location filename="../../reader/ui/library.py" line="163" />
        <source>Page</source>
        <translation>版面</translation>
    </message>
    <message>
        <location filename="../../reader/ui/library.py" line="163" />
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../reader/ui/library.py" line="163" />
        <source>Articles</source>
        <translation>文章</translation>
    </message>
    <message>
        <location filename="../../reader/ui/library.py" line="164" />
        <source>Add Folder…</source>
        <translation>添加文件夹…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/library.py" line="165" />
        <source>Update</source>
        <translation>更新</translation>
    </message>
    <message>
        <location filename="../../reader/ui/library.py" line="166" />
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location filename="../../reader/ui/library.py" line="167" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../reader/ui/library.py" line="209" />
        <source>%1 annotations</source>
        <translation>%1 条批注</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../reader/ui/window.py" line="433" />
        <source>&amp;Open…</source>
        <translation>打开(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="434" />
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="435" />
        <source>&amp;Find in Page…</source>
        <translation>页内查找(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="436" />
        <source>&amp;Source View</source>
        <translation>原文对照(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="437" />
        <source>Show Page &amp;Furniture</source>
        <translation>显示版面杂项(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="438" />
        <source>&amp;Larger Text</source>
        <translation>放大文字(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="439" />
        <source>S&amp;maller Text</source>
        <translation>缩小文字(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="440" />
        <source>&amp;Reset Text Size</source>
        <translation>恢复文字大小(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="441" />
        <source>F&amp;ont…</source>
        <translation>字体(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="442" />
        <source>&amp;Next Article</source>
        <translation>下一篇(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="443" />
        <source>&amp;Previous Article</source>
        <translation>上一篇(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="444" />
        <source>&amp;About ocr-reader</source>
        <translation>关于 ocr-reader(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="445" />
        <source>&amp;Highlight</source>
        <translation>高亮(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="446" />
        <source>&amp;Tag…</source>
        <translation>标签(&amp;T)…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="447" />
        <source>Add &amp;Note…</source>
        <translation>添加备注(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="448" />
        <source>&amp;Export Annotations…</source>
        <translation>导出批注(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="449" />
        <source>&amp;Import Annotations…</source>
        <translation>导入批注(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="450" />
        <source>Export Page with &amp;Highlights…</source>
        <translation>导出带高亮的版面(&amp;H)…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="457" />
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="458" />
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="459" />
        <source>&amp;Annotate</source>
        <translation>批注(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="460" />
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="461" />
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="462" />
        <source>&amp;Theme</source>
        <translation>主题(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="463" />
        <source>Text &amp;Width</source>
        <translation>版心宽度(&amp;W)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="464" />
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="465" />
        <source>&amp;Go</source>
        <translation>转到(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="466" />
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="467" />
        <source>Light</source>
        <translation>明亮</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="468" />
        <source>Sepia</source>
        <translation>护眼</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="469" />
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="470" />
        <source>Narrow</source>
        <translation>窄</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="471" />
        <source>Medium</source>
        <translation>中</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="472" />
        <source>Wide</source>
        <translation>宽</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="473" />
        <source>System Language</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="491" />
        <source>Outline</source>
        <translation>目录</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="231" />
        <location filename="../../reader/ui/window.py" line="492" />
        <source>Annotations</source>
        <translation>批注</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="235" />
        <source>Pages can be read, but annotations are off until this is solved.</source>
        <translation>版面仍可阅读，但在解决此问题之前无法使用批注。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="451" />
        <source>&amp;Export…</source>
        <translation>导出(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="452" />
        <source>Open &amp;Folder…</source>
        <translation>打开文件夹(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="453" />
        <source>&amp;Search Library…</source>
        <translation>搜索资料库(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="454" />
        <source>Add Word to &amp;Dictionary…</source>
        <translation>添加词语到词典(&amp;D)…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="455" />
        <source>Copy with &amp;Citation</source>
        <translation>带出处复制(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="456" />
        <source>Citation &amp;Template…</source>
        <translation>出处模板(&amp;T)…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="493" />
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="494" />
        <source>Library</source>
        <translation>资料库</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="495" />
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="503" />
        <source>No Chinese font is installed, so the text cannot be shown properly. Install one, for example: %1</source>
        <translation>系统中没有中文字体，正文无法正常显示。请安装一种中文字体，例如：%1</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="558" />
        <source>Reading Font</source>
        <translation>阅读字体</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="585" />
        <source>Open OCR Page</source>
        <translation>打开 OCR 版面</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="585" />
        <source>Text files (*.txt);;All files (*)</source>
        <translation>文本文件 (*.txt);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="595" />
        <source>No recent files</source>
        <translation>没有最近打开的文件</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="605" />
        <source>Reading %1…</source>
        <translation>正在读取 %1…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="645" />
        <source>Cannot open file</source>
        <translation>无法打开文件</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="647" />
        <source>%1 cannot be opened: %2.</source>
        <translation>无法打开 %1：%2。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="657" />
        <source>No document</source>
        <translation>未打开文档</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="663" />
        <source>%1 articles</source>
        <translation>%1 篇文章</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="664" />
        <source>%1 paragraphs</source>
        <translation>%1 段</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="665" />
        <source>%1 characters</source>
        <translation>%1 字</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="718" />
        <source>Annotations not saved</source>
        <translation>批注未保存</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="720" />
        <source>The change was not saved: %1.</source>
        <translation>更改未能保存：%1。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="722" />
        <source>Nothing you typed is lost: the text of the note is on the clipboard.</source>
        <translation>输入的内容没有丢失：备注文字已复制到剪贴板。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="848" />
        <source>Edit Annotation…</source>
        <translation>编辑批注…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="850" />
        <source>Delete Annotation</source>
        <translation>删除批注</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="869" />
        <location filename="../../reader/ui/window.py" line="872" />
        <source>Rename Tag</source>
        <translation>重命名标签</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="869" />
        <source>New name for #%1:</source>
        <translation>#%1 的新名称：</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="878" />
        <location filename="../../reader/ui/window.py" line="881" />
        <source>Merge Tags</source>
        <translation>合并标签</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="878" />
        <source>Merge the selected tags into:</source>
        <translation>将所选标签合并为：</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="885" />
        <source>Delete Tag</source>
        <translation>删除标签</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="894" />
        <source>Document not found</source>
        <translation>找不到文档</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="895" />
        <source>The page of this passage is no longer at %1.</source>
        <translation>这段文字所在的版面已不在 %1。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="912" />
        <source>Export Annotations</source>
        <translation>导出批注</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="914" />
        <location filename="../../reader/ui/window.py" line="929" />
        <source>Markdown (*.md);;Web Annotation JSON (*.json);;CSV (*.csv)</source>
        <translation>Markdown (*.md);;Web Annotation JSON (*.json);;CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="927" />
        <source>Export Tag</source>
        <translation>导出标签</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="940" />
        <source>Export Page with Highlights</source>
        <translation>导出带高亮的版面</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="940" />
        <source>Markdown (*.md)</source>
        <translation>Markdown (*.md)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="951" />
        <source>Cannot write file</source>
        <translation>无法写入文件</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="952" />
        <source>%1 could not be written: %2.</source>
        <translation>无法写入 %1：%2。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="957" />
        <location filename="../../reader/ui/window.py" line="1014" />
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="963" />
        <source>Import Annotations</source>
        <translation>导入批注</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="963" />
        <source>Web Annotation JSON (*.json)</source>
        <translation>Web Annotation JSON (*.json)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="976" />
        <source>Cannot import</source>
        <translation>无法导入</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="977" />
        <source>%1 could not be imported: %2.</source>
        <translation>无法导入 %1：%2。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="983" />
        <source>Imported: %1 new, %2 updated, %3 already here.</source>
        <translation>已导入：新增 %1 条，更新 %2 条，已有 %3 条。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="1049" />
        <source>Copied with citation</source>
        <translation>已带出处复制</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="1055" />
        <source>Citation Template</source>
        <translation>出处模板</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="1057" />
        <source>Fields: {quote} {title} {byline} {file} {path} {date}; {byline_sep} and {date_sep} disappear when their field is empty.</source>
        <translation>字段：{quote} {title} {byline} {file} {path} {date}；{byline_sep} 和 {date_sep} 在对应字段为空时省略。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="1101" />
        <source>Add a Folder of Pages</source>
        <translation>添加版面文件夹</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="1137" />
        <source>Indexing…</source>
        <translation>正在建立索引…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="1152" />
        <source>%1 pages indexed</source>
        <translation>已索引 %1 个版面</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="1155" />
        <source>%1 unchanged</source>
        <translation>%1 个未变</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="1158" />
        <source>%1 removed</source>
        <translation>%1 个已移除</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="1160" />
        <source>%1 could not be read</source>
        <translation>%1 个无法读取</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="1169" />
        <source>Indexing cancelled; what was indexed is kept.</source>
        <translation>已取消索引，已完成的部分会保留。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="1235" />
        <source>Add Word to Dictionary</source>
        <translation>添加词语到词典</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="1236" />
        <source>A word or name for search, keywords and word selection:</source>
        <translation>用于搜索、关键词和选词的词语或人名：</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="1244" />
        <source>Cannot add the word</source>
        <translation>无法添加词语</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="1248" />
        <source>Added %1 to the dictionary.</source>
        <translation>已将 %1 加入词典。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="1248" />
        <source>%1 is known already.</source>
        <translation>%1 已在词典中。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="1276" />
        <source>About ocr-reader</source>
        <translation>关于 ocr-reader</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="1278" />
        <source>ocr-reader reflows the OCR text of newspaper pages into articles you can read.</source>
        <translation>ocr-reader 把报纸版面的 OCR 文本重排为可以阅读的文章。</translation>
    </message>
</context>
<context>
    <name>OutlineDock</name>
    <message>
        <location filename="../../reader/ui/outline.py" line="179" />
        <source>Filter headings</source>
        <translation>筛选标题</translation>
    </message>
</context>
<context>
    <name>SearchDock</name>
    <message>
        <location filename="../../reader/ui/library.py" line="272" />
        <source>Search the library: words "a phrase" -excluded</source>
        <translation>搜索资料库：词语 "短语" -排除词</translation>
    </message>
    <message>
        <location filename="../../reader/ui/library.py" line="277" />
        <source>Searching…</source>
        <translation>正在搜索…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/library.py" line="283" />
        <source>Nothing found.</source>
        <translation>没有找到。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/library.py" line="286" />
        <source>Articles found: %1</source>
        <translation>找到的文章：%1</translation>
    </message>
    <message>
        <location filename="../../reader/ui/library.py" line="290" />
        <source>(untitled article %1)</source>
        <translation>（无标题文章 %1）</translation>
    </message>
</context>
<context>
    <name>SelectionBar</name>
    <message>
        <location filename="../../reader/ui/annotate.py" line="232" />
        <source>Tag…</source>
        <translation>标签…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotate.py" line="233" />
        <source>Highlight and tag (T)</source>
        <translation>高亮并加标签 (T)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotate.py" line="234" />
        <source>Note…</source>
        <translation>备注…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotate.py" line="235" />
        <source>Highlight with a note (N)</source>
        <translation>高亮并写备注 (N)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotate.py" line="238" />
        <source>Highlight in %1</source>
        <translation>用%1高亮</translation>
    </message>
</context>
<context>
    <name>TagsDock</name>
    <message>
        <location filename="../../reader/ui/annotation_docks.py" line="318" />
        <source>Tag</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotation_docks.py" line="318" />
        <source>Passages</source>
        <translation>段落</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotation_docks.py" line="319" />
        <source>Passage</source>
        <translation>段落</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotation_docks.py" line="319" />
        <source>Document</source>
        <translation>文档</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotation_docks.py" line="320" />
        <source>Rename…</source>
        <translation>重命名…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotation_docks.py" line="321" />
        <source>Merge…</source>
        <translation>合并…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotation_docks.py" line="322" />
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotation_docks.py" line="323" />
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
</context>
<context>
    <name>widget</name>
    <message>
        <location filename="../../reader/ui/annotate.py" line="44" />
        <source>Yellow</source>
        <translation>黄色</translation>
    </message>
</context>
</TS>