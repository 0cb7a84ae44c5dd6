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
    <message>
        <location filename="../../reader/ui/corrections.py" line="247" />
        <source>Join with Next Block</source>
        <translation>与下一段合并</translation>
    </message>
    <message>
        <location filename="../../reader/ui/corrections.py" line="248" />
        <source>Split Here</source>
        <translation>在此拆分</translation>
    </message>
    <message>
        <location filename="../../reader/ui/corrections.py" line="249" />
        <source>Block Kind</source>
        <translation>段落类型</translation>
    </message>
    <message>
        <location filename="../../reader/ui/corrections.py" line="251" />
        <source>Paragraph</source>
        <translation>正文段落</translation>
    </message>
    <message>
        <location filename="../../reader/ui/corrections.py" line="252" />
        <source>Heading, Level 1</source>
        <translation>一级标题</translation>
    </message>
    <message>
        <location filename="../../reader/ui/corrections.py" line="253" />
        <source>Heading, Level 2</source>
        <translation>二级标题</translation>
    </message>
    <message>
        <location filename="../../reader/ui/corrections.py" line="254" />
        <source>Heading, Level 3</source>
        <translation>三级标题</translation>
    </message>
    <message>
        <location filename="../../reader/ui/corrections.py" line="255" />
        <source>Question</source>
        <translation>提问</translation>
    </message>
    <message>
        <location filename="../../reader/ui/corrections.py" line="256" />
        <source>End Matter</source>
        <translation>文末信息</translation>
    </message>
    <message>
        <location filename="../../reader/ui/corrections.py" line="257" />
        <source>Dateline</source>
        <translation>电头</translation>
    </message>
    <message>
        <location filename="../../reader/ui/corrections.py" line="258" />
        <source>Page Furniture</source>
        <translation>版面杂项</translation>
    </message>
    <message>
        <location filename="../../reader/ui/corrections.py" line="264" />
        <source>Start New Article Here</source>
        <translation>从此处开始新文章</translation>
    </message>
    <message>
        <location filename="../../reader/ui/corrections.py" line="265" />
        <source>Merge Article with Previous</source>
        <translation>与上一篇文章合并</translation>
    </message>
    <message>
        <location filename="../../reader/ui/corrections.py" line="267" />
        <source>Make Title</source>
        <translation>设为标题</translation>
    </message>
    <message>
        <location filename="../../reader/ui/corrections.py" line="267" />
        <source>Make Subtitle</source>
        <translation>设为副标题</translation>
    </message>
    <message>
        <location filename="../../reader/ui/corrections.py" line="268" />
        <source>Make Byline</source>
        <translation>设为署名</translation>
    </message>
    <message>
        <location filename="../../reader/ui/corrections.py" line="270" />
        <source>Make Title or Byline of Another Article…</source>
        <translation>设为另一篇文章的标题或署名…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/corrections.py" line="275" />
        <source>Correct Text…</source>
        <translation>更正文字…</translation>
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
    <name>BodyView</name>
    <message>
        <location filename="../../reader/ui/body.py" line="280" />
        <source>Text corrected by hand (see Corrections)</source>
        <translation>文字已手动更正（见“更正”）</translation>
    </message>
</context>
<context>
    <name>CorrectionsDock</name>
    <message>
        <location filename="../../reader/ui/corrections.py" line="138" />
        <source>Remove Correction</source>
        <translation>撤除更正</translation>
    </message>
    <message>
        <location filename="../../reader/ui/corrections.py" line="141" />
        <source>No corrections on this page. Right-click a block to join, split, change its kind, move a title, or fix its text.</source>
        <translation>本版面没有更正。右键单击段落，可合并、拆分、更改类型、移动标题或更正文字。</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="120" />
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="128" />
        <source>Current article</source>
        <translation>当前文章</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="129" />
        <source>Chosen articles</source>
        <translation>选定的文章</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="130" />
        <source>Whole page</source>
        <translation>整个版面</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="131" />
        <source>This page and other pages…</source>
        <translation>本版面及其他版面…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="132" />
        <source>Every page in the library (%1)</source>
        <translation>资料库中的全部版面（%1）</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="135" />
        <source>The search results (%1 articles)</source>
        <translation>搜索结果（%1 篇文章）</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="142" />
        <source>Export:</source>
        <translation>导出：</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="158" />
        <location filename="../../reader/ui/export_dialog.py" line="168" />
        <source>Plain text</source>
        <translation>纯文本</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="159" />
        <source>Markdown</source>
        <translation>Markdown</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="160" />
        <source>HTML (standalone, printable)</source>
        <translation>HTML（独立文件，可打印）</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="161" />
        <source>EPUB (e-readers)</source>
        <translation>EPUB（电子阅读器）</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="162" />
        <source>JSON (document schema)</source>
        <translation>JSON（文档结构）</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="166" />
        <source>Format:</source>
        <translation>格式：</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="175" />
        <source>LF (Linux, macOS)</source>
        <translation>LF（Linux、macOS）</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="176" />
        <source>CRLF (Windows)</source>
        <translation>CRLF（Windows）</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="179" />
        <source>Blank line between paragraphs</source>
        <translation>段落之间空一行</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="180" />
        <source>Full-width indent, no blank lines</source>
        <translation>全角缩进，不空行</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="182" />
        <source>Encoding:</source>
        <translation>编码：</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="183" />
        <source>Line ends:</source>
        <translation>换行符：</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="184" />
        <source>Paragraphs:</source>
        <translation>段落：</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="187" />
        <source>Include</source>
        <translation>包含</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="189" />
        <source>Bylines</source>
        <translation>署名</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="190" />
        <source>End matter (author units, sources)</source>
        <translation>文末信息（作者单位、来源）</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="191" />
        <source>Datelines and jump markers</source>
        <translation>电头与转版标记</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="192" />
        <source>Page furniture</source>
        <translation>版面杂项</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="193" />
        <source>Highlights and notes</source>
        <translation>高亮与备注</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="216" />
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="230" />
        <source>Cancel Export</source>
        <translation>取消导出</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="232" />
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="234" />
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="345" />
        <source>Other Pages</source>
        <translation>其他版面</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="345" />
        <source>Text files (*.txt)</source>
        <translation>文本文件 (*.txt)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="350" />
        <source>%1 more pages: %2</source>
        <translation>另有 %1 个版面：%2</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="382" />
        <source>and %1 more pages</source>
        <translation>以及另外 %1 个版面</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="395" />
        <source>Export As</source>
        <translation>导出为</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="414" />
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="435" />
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="442" />
        <source>Export cancelled; nothing was written.</source>
        <translation>已取消导出，未写入任何文件。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="444" />
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
        <location filename="../../reader/ui/window.py" line="514" />
        <source>&amp;Open…</source>
        <translation>打开(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="515" />
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="516" />
        <source>&amp;Find in Page…</source>
        <translation>页内查找(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="517" />
        <source>&amp;Source View</source>
        <translation>原文对照(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="518" />
        <source>Show Page &amp;Furniture</source>
        <translation>显示版面杂项(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="520" />
        <source>&amp;Larger Text</source>
        <translation>放大文字(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="521" />
        <source>S&amp;maller Text</source>
        <translation>缩小文字(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="522" />
        <source>&amp;Reset Text Size</source>
        <translation>恢复文字大小(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="523" />
        <source>F&amp;ont…</source>
        <translation>字体(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="524" />
        <source>&amp;Next Article</source>
        <translation>下一篇(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="525" />
        <source>&amp;Previous Article</source>
        <translation>上一篇(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="526" />
        <source>&amp;About ocr-reader</source>
        <translation>关于 ocr-reader(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="527" />
        <source>&amp;Highlight</source>
        <translation>高亮(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="528" />
        <source>&amp;Tag…</source>
        <translation>标签(&amp;T)…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="529" />
        <source>Add &amp;Note…</source>
        <translation>添加备注(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="530" />
        <source>&amp;Export Annotations…</source>
        <translation>导出批注(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="531" />
        <source>&amp;Import Annotations…</source>
        <translation>导入批注(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="532" />
        <source>Export Page with &amp;Highlights…</source>
        <translation>导出带高亮的版面(&amp;H)…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="539" />
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="540" />
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="541" />
        <source>&amp;Annotate</source>
        <translation>批注(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="554" />
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="555" />
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="556" />
        <source>&amp;Theme</source>
        <translation>主题(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="557" />
        <source>Text &amp;Width</source>
        <translation>版心宽度(&amp;W)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="558" />
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="559" />
        <source>&amp;Go</source>
        <translation>转到(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="560" />
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="561" />
        <source>Light</source>
        <translation>明亮</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="562" />
        <source>Sepia</source>
        <translation>护眼</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="563" />
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="564" />
        <source>Narrow</source>
        <translation>窄</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="565" />
        <source>Medium</source>
        <translation>中</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="566" />
        <source>Wide</source>
        <translation>宽</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="567" />
        <source>System Language</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="585" />
        <source>Outline</source>
        <translation>目录</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="277" />
        <location filename="../../reader/ui/window.py" line="586" />
        <source>Annotations</source>
        <translation>批注</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="281" />
        <source>Pages can be read, but annotations are off until this is solved.</source>
        <translation>版面仍可阅读，但在解决此问题之前无法使用批注。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="519" />
        <source>Show Automatic &amp;Decisions</source>
        <translation>显示自动判断(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="533" />
        <source>&amp;Export…</source>
        <translation>导出(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="534" />
        <source>Open &amp;Folder…</source>
        <translation>打开文件夹(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="535" />
        <source>&amp;Search Library…</source>
        <translation>搜索资料库(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="536" />
        <source>Add Word to &amp;Dictionary…</source>
        <translation>添加词语到词典(&amp;D)…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="537" />
        <source>Copy with &amp;Citation</source>
        <translation>带出处复制(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="538" />
        <source>Citation &amp;Template…</source>
        <translation>出处模板(&amp;T)…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="542" />
        <source>&amp;Correct</source>
        <translation>更正(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="543" />
        <source>&amp;Join with Next Block</source>
        <translation>与下一段合并(&amp;J)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="544" />
        <source>&amp;Split Block Here</source>
        <translation>在此拆分段落(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="545" />
        <source>Make &amp;Paragraph</source>
        <translation>设为正文段落(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="546" />
        <source>Make Heading, Level &amp;1</source>
        <translation>设为一级标题(&amp;1)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="547" />
        <source>Make Heading, Level &amp;2</source>
        <translation>设为二级标题(&amp;2)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="548" />
        <source>Make Heading, Level &amp;3</source>
        <translation>设为三级标题(&amp;3)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="549" />
        <source>Start &amp;New Article Here</source>
        <translation>从此处开始新文章(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="550" />
        <source>&amp;Merge Article with Previous</source>
        <translation>与上一篇文章合并(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="551" />
        <source>Make &amp;Title</source>
        <translation>设为标题(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="552" />
        <source>Make &amp;Byline</source>
        <translation>设为署名(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="553" />
        <source>Correct &amp;Text…</source>
        <translation>更正文字(&amp;T)…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="587" />
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="588" />
        <source>Library</source>
        <translation>资料库</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="589" />
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="590" />
        <source>Corrections</source>
        <translation>更正</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="600" />
        <source>No Chinese font is installed, so the text cannot be shown properly. Install one, for example: %1</source>
        <translation>系统中没有中文字体，正文无法正常显示。请安装一种中文字体，例如：%1</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="655" />
        <source>Reading Font</source>
        <translation>阅读字体</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="688" />
        <source>Open OCR Page</source>
        <translation>打开 OCR 版面</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="688" />
        <source>Text files (*.txt);;All files (*)</source>
        <translation>文本文件 (*.txt);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="698" />
        <source>No recent files</source>
        <translation>没有最近打开的文件</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="708" />
        <source>Reading %1…</source>
        <translation>正在读取 %1…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="752" />
        <source>Cannot open file</source>
        <translation>无法打开文件</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="754" />
        <source>%1 cannot be opened: %2.</source>
        <translation>无法打开 %1：%2。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="764" />
        <source>No document</source>
        <translation>未打开文档</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="770" />
        <source>%1 articles</source>
        <translation>%1 篇文章</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="771" />
        <source>%1 paragraphs</source>
        <translation>%1 段</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="772" />
        <source>%1 characters</source>
        <translation>%1 字</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="825" />
        <source>Annotations not saved</source>
        <translation>批注未保存</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="827" />
        <source>The change was not saved: %1.</source>
        <translation>更改未能保存：%1。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="829" />
        <source>Nothing you typed is lost: the text of the note is on the clipboard.</source>
        <translation>输入的内容没有丢失：备注文字已复制到剪贴板。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="958" />
        <source>Edit Annotation…</source>
        <translation>编辑批注…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="960" />
        <source>Delete Annotation</source>
        <translation>删除批注</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="974" />
        <source>Correct</source>
        <translation>更正</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="1015" />
        <source>Correct Text</source>
        <translation>更正文字</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="1015" />
        <source>The block's text:</source>
        <translation>段落文字：</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="1018" />
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="1018" />
        <source>Subtitle</source>
        <translation>副标题</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="1019" />
        <source>Byline</source>
        <translation>署名</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="1021" />
        <location filename="../../reader/ui/window.py" line="1027" />
        <source>Move to Another Article</source>
        <translation>移到另一篇文章</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="1021" />
        <source>Make it the:</source>
        <translation>设为：</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="1027" />
        <source>Of the article:</source>
        <translation>所属文章：</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="1124" />
        <source>Use Suggested Title</source>
        <translation>采用建议的标题</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="1149" />
        <location filename="../../reader/ui/window.py" line="1152" />
        <source>Rename Tag</source>
        <translation>重命名标签</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="1149" />
        <source>New name for #%1:</source>
        <translation>#%1 的新名称：</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="1158" />
        <location filename="../../reader/ui/window.py" line="1161" />
        <source>Merge Tags</source>
        <translation>合并标签</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="1158" />
        <source>Merge the selected tags into:</source>
        <translation>将所选标签合并为：</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="1165" />
        <source>Delete Tag</source>
        <translation>删除标签</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="1174" />
        <source>Document not found</source>
        <translation>找不到文档</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="1175" />
        <source>The page of this passage is no longer at %1.</source>
        <translation>这段文字所在的版面已不在 %1。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="1192" />
        <source>Export Annotations</source>
        <translation>导出批注</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="1194" />
        <location filename="../../reader/ui/window.py" line="1209" />
        <source>Markdown (*.md);;Web Annotation JSON (*.json);;CSV (*.csv)</source>
        <translation>Markdown (*.md);;Web Annotation JSON (*.json);;CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="1207" />
        <source>Export Tag</source>
        <translation>导出标签</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="1220" />
        <source>Export Page with Highlights</source>
        <translation>导出带高亮的版面</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="1220" />
        <source>Markdown (*.md)</source>
        <translation>Markdown (*.md)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="1231" />
        <source>Cannot write file</source>
        <translation>无法写入文件</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="1232" />
        <source>%1 could not be written: %2.</source>
        <translation>无法写入 %1：%2。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="1237" />
        <location filename="../../reader/ui/window.py" line="1297" />
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="1243" />
        <source>Import Annotations</source>
        <translation>导入批注</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="1243" />
        <source>Web Annotation JSON (*.json)</source>
        <translation>Web Annotation JSON (*.json)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="1258" />
        <source>Cannot import</source>
        <translation>无法导入</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="1259" />
        <source>%1 could not be imported: %2.</source>
        <translation>无法导入 %1：%2。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="1265" />
        <source>Imported: %1 new, %2 updated, %3 already here.</source>
        <translation>已导入：新增 %1 条，更新 %2 条，已有 %3 条。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="1332" />
        <source>Copied with citation</source>
        <translation>已带出处复制</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="1338" />
        <source>Citation Template</source>
        <translation>出处模板</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="1340" />
        <source>Fields: {quote} {title} {byline} {file} {path} {date}; {byline_sep} and {date_sep} disappear when their field is empty.</source>
        <translation>字段：{quote} {title} {byline} {file} {path} {date}；{byline_sep} 和 {date_sep} 在对应字段为空时省略。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="1384" />
        <source>Add a Folder of Pages</source>
        <translation>添加版面文件夹</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="1420" />
        <source>Indexing…</source>
        <translation>正在建立索引…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="1435" />
        <source>%1 pages indexed</source>
        <translation>已索引 %1 个版面</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="1438" />
        <source>%1 unchanged</source>
        <translation>%1 个未变</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="1441" />
        <source>%1 removed</source>
        <translation>%1 个已移除</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="1443" />
        <source>%1 could not be read</source>
        <translation>%1 个无法读取</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="1452" />
        <source>Indexing cancelled; what was indexed is kept.</source>
        <translation>已取消索引，已完成的部分会保留。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="1520" />
        <source>Add Word to Dictionary</source>
        <translation>添加词语到词典</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="1521" />
        <source>A word or name for search, keywords and word selection:</source>
        <translation>用于搜索、关键词和选词的词语或人名：</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="1529" />
        <source>Cannot add the word</source>
        <translation>无法添加词语</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="1533" />
        <source>Added %1 to the dictionary.</source>
        <translation>已将 %1 加入词典。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="1533" />
        <source>%1 is known already.</source>
        <translation>%1 已在词典中。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="1561" />
        <source>About ocr-reader</source>
        <translation>关于 ocr-reader</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="1563" />
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
    <name>SuggestionBar</name>
    <message>
        <location filename="../../reader/ui/corrections.py" line="194" />
        <source>Use This Title</source>
        <translation>采用此标题</translation>
    </message>
    <message>
        <location filename="../../reader/ui/corrections.py" line="195" />
        <source>Dismiss</source>
        <translation>忽略</translation>
    </message>
    <message>
        <location filename="../../reader/ui/corrections.py" line="204" />
        <source>Suggested title for the article “%1”: %2 — they share %3.</source>
        <translation>建议文章“%1”的标题：%2——共同词语：%3。</translation>
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